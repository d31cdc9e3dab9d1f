"""recordlint batch commands (registered on cli.main)."""
