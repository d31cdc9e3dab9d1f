"""Errors that the CLI turns into one clear line and exit code 2."""


class RecordlintError(Exception):
    """A problem the user can fix: bad config, unknown doc type, unreadable input."""


class ConfigError(RecordlintError):
    pass


class InputError(RecordlintError):
    pass


class InternalError(RecordlintError):
    """A fault in recordlint itself (not in the input) while checking one record: reported
    for that record (type only, never the message, which might quote the text)."""


class RuleError(InternalError):
    """A rule failed on one record (a bug): reported for that record, the run goes on."""
