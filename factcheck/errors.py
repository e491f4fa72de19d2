"""Errors that end a run with a one-line message and exit status 2."""


class FactcheckError(Exception):
    """Base class: the message is one line, fit to print after 'factcheck: '."""


class InputError(FactcheckError):
    """A document, facts file or option that cannot be read."""


class RuleError(FactcheckError):
    """A rule file that is malformed; the message starts with 'file:line:'."""
