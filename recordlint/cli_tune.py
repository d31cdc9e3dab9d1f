"""recordlint tune commands (registered on cli.main)."""
