"""The error hierarchy: each error carries an exit code (SPEC section 5) and a plain message.

Exit codes: 0 success; 1 invalid input or not found; 2 usage error; 3 wrong passphrase or
recovery key; 4 damaged data detected.
"""

from __future__ import annotations


class RecoverylogError(Exception):
    """Base class: a message meant for a person, and the exit code that goes with it."""

    exit_code = 1

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return self.message


class InvalidInput(RecoverylogError):
    """A value was out of range, of an unknown kind, in the future, or too long."""

    exit_code = 1

    def __init__(self, field: str, problem: str) -> None:
        self.field = field
        self.problem = problem
        super().__init__(f"{field} {problem}")


class NotFound(RecoverylogError):
    """An id, name or file that does not exist."""

    exit_code = 1


class AlreadyExists(RecoverylogError):
    """Refusing to overwrite something that is already there."""

    exit_code = 1


class StorageError(RecoverylogError):
    """The disk refused a read or write (full, read-only, missing)."""

    exit_code = 1


class UsageError(RecoverylogError):
    """The command was called in a way that cannot work (e.g. no passphrase source)."""

    exit_code = 2


class NoJournal(RecoverylogError):
    """There is no journal in the data dir yet."""

    exit_code = 1


class WrongPassphrase(RecoverylogError):
    """The passphrase or recovery key does not open this journal."""

    exit_code = 3


class DamagedData(RecoverylogError):
    """The header, a record or a file did not pass its integrity check."""

    exit_code = 4


class DamagedRecord(DamagedData):
    """One sealed record could not be opened; the others are still readable."""

    def __init__(self, table: str, record_id: str) -> None:
        self.table = table
        self.record_id = record_id
        super().__init__(f"record {table}/{record_id} is damaged and cannot be opened")
