"""Click options shared by several commands: the decision log URL, a candidate directory to use instead
of the installed one, and a file to read or write."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import click

F = TypeVar("F", bound=Callable[..., Any])


def database_option(help_text: str) -> Callable[[F], F]:
    """``--database URL``: the decision log (``None`` when not given: the settings decide)."""
    return click.option("--database", "database", metavar="URL", default=None, help=help_text)


def candidate_dir_option(flag: str, dest: str, help_text: str) -> Callable[[F], F]:
    """An existing directory used instead of the installed files (``None``: the installed ones)."""
    return click.option(flag, dest, type=click.Path(file_okay=False, exists=True), default=None, help=help_text)


def file_option(*decls: str, help_text: str | None = None, required: bool = False) -> Callable[[F], F]:
    """A file path option (not a directory), as a ``Path``; ``None`` when optional and not given."""
    path = click.Path(dir_okay=False, path_type=Path)
    if required:
        return click.option(*decls, type=path, required=True, help=help_text)
    return click.option(*decls, type=path, default=None, help=help_text)
