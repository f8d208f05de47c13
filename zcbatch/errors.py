"""Exception classes.

Every exception that reaches the command line carries a Chinese message for
the analyst: what is wrong, where, and what to do.
"""


class ZcbatchError(Exception):
    """Base class of zcbatch's own exceptions."""


class InputError(ZcbatchError):
    """The input cannot be used at all (missing file, not a spreadsheet,
    a required sheet or key column missing). The command line exits with 2."""


class PolicyError(InputError):
    """The policy file is missing, malformed, or has unknown or missing keys."""


class OutputError(ZcbatchError):
    """An output cannot be written (folder exists without --force, disk full)."""
