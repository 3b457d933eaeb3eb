"""Optional dependency groups: which ``pip install 'rightscan[extra]'`` brings a module.

``pip install rightscan`` gives the core and the CLI (pydantic, click, PyYAML, orjson, rapidfuzz, rich,
Jinja2). The service, the note reader, the PDF handout, PostgreSQL and the population audit are extras; a command that
needs a missing one stops with one line naming the extra to install.
"""

from __future__ import annotations

# top-level import name -> extra (see [project.optional-dependencies] in pyproject.toml)
EXTRA_OF_MODULE: dict[str, str] = {
    "fastapi": "service",
    "starlette": "service",
    "uvicorn": "service",
    "multipart": "service",
    "python_multipart": "service",
    "pydantic_settings": "service",
    "sqlalchemy": "service",
    "alembic": "service",
    "jwt": "service",
    "cachetools": "service",
    "cryptography": "service",
    "httpx": "service",
    "fhir": "service",
    "pyarrow": "service",
    "psycopg": "postgres",
    "spacy": "nlp",
    "medspacy": "nlp",
    "PyRuSH": "nlp",
    "loguru": "nlp",
    "weasyprint": "pdf",
    "ibis": "audit",
    "duckdb": "audit",
    "pyspark": "audit",
    "altair": "audit",
    "vl_convert": "audit",
}


def missing_extra_message(exc: ModuleNotFoundError) -> str | None:
    """A one-line install hint for a missing optional module; None when it is not one of ours."""
    top = (exc.name or "").split(".")[0]
    extra = EXTRA_OF_MODULE.get(top)
    if extra is None:
        return None
    return f"this command needs the optional dependency '{top}': pip install 'rightscan[{extra}]'"
