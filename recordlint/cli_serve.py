"""recordlint serve commands (registered on cli.main)."""
