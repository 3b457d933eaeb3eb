"""JSON Schemas of the knowledge files, generated from their pydantic models, for editors.

Each knowledge YAML file starts with ``# yaml-language-server: $schema=schemas/<key>.schema.json`` so that
an editor with the YAML language server checks it while it is typed. The schemas are derived, never
edited by hand: ``make schemas`` (``python -m rightscan.adapters.kbfiles.jsonschema``) rewrites them,
``--check`` reports stale ones, and a test fails when they no longer match the models. Loading
still validates with the models themselves, plus the cross-file checks a schema cannot express.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from rightscan.adapters.kbfiles.schemas import FILE_MODELS
from rightscan.package_data import resource_path

DIALECT = "https://json-schema.org/draft/2020-12/schema"


def schema_name(key: str) -> str:
    """The schema file of a manifest key: ``acr_topic`` -> ``acr_topic.schema.json``."""
    return f"{key}.schema.json"


def modeline(key: str) -> str:
    """The first line of a knowledge YAML file, pointing the editor at its schema."""
    return f"# yaml-language-server: $schema=schemas/{schema_name(key)}"


def generate() -> dict[str, str]:
    """Schema file name -> its text, for every knowledge file model."""
    out = {}
    for key, model in FILE_MODELS.items():
        schema = {"$schema": DIALECT, **model.model_json_schema(by_alias=True, mode="validation")}
        schema["title"] = f"RightScan knowledge file: {key}"
        out[schema_name(key)] = json.dumps(schema, indent=2, ensure_ascii=False, sort_keys=False) + "\n"
    return out


def stale(folder: Path) -> list[str]:
    """The schema files in ``folder`` that are missing or differ from the models."""
    wanted = generate()
    return [
        name
        for name, text in wanted.items()
        if not (folder / name).is_file() or (folder / name).read_text(encoding="utf-8") != text
    ]


def write(folder: Path) -> list[str]:
    """Write every schema into ``folder``; return the names that changed."""
    folder.mkdir(parents=True, exist_ok=True)
    changed = stale(folder)
    for name, text in generate().items():
        if name in changed:
            (folder / name).write_text(text, encoding="utf-8")
    return changed


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    folder = resource_path("knowledge", "schemas")
    if args == ["--check"]:
        names = stale(folder)
        for name in names:
            print(f"stale: {folder / name} (run `make schemas`)", file=sys.stderr)
        return 1 if names else 0
    if args:
        print("usage: python -m rightscan.adapters.kbfiles.jsonschema [--check]", file=sys.stderr)
        return 2
    for name in write(folder):
        print(f"wrote {folder / name}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
