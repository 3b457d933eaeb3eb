"""Errors of the audit, each naming the file or field at fault (the CLI prints one line, exit status 2)."""

from __future__ import annotations


class AuditInputError(ValueError):
    """Bad audit input: ``where`` is the file, table or field; ``message`` says what is wrong."""

    def __init__(self, where: str, message: str) -> None:
        super().__init__(f"{where}: {message}")
        self.where = where
        self.message = message


class MissingExtra(RuntimeError):
    """An optional dependency of the audit is not installed."""

    def __init__(self, module: str, extra: str = "audit") -> None:
        super().__init__(f"the audit needs the optional dependency '{module}': pip install 'rightscan[{extra}]'")
        self.module = module
