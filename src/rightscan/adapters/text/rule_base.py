"""What every extraction rule file's model shares: the strict base, the header (schema and version),
the context effects and the error a bad rule file raises. The file models themselves are in
``rule_files`` (targets, values, fields, cues, manifest) and ``context_schema`` (context.yaml).
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, create_model

Effect = Literal[
    "negated", "uncertain", "historical", "hypothetical", "family", "explained", "question", "proposed",
    "performed", "past", "warning", "purpose", "palpation", "declined", "unread_mark", "refers_back",
    "cut_short",  # round 14v-b (cut_reach.py)
    "copied",  # round 40a (copied_blocks.py): told in a block copied from an earlier note
]  # fmt: skip
# A list a rule file may leave out (empty then): most of its keys are lists of words or phrases, or of
# context effects.
Words = Annotated[list[str], Field(default_factory=list)]
Effects = Annotated[list[Effect], Field(default_factory=list)]


class RulesError(RuntimeError):
    """The extraction rules are invalid; the message names the file and the rule."""


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


def rule_file_header(kind: str) -> type[Strict]:
    """The base of a rule file's model: the two fields every rule file starts with, its schema
    (``rightscan.nlp-<kind>/1``) and its version (``nlp-<kind>@YYYY-MM``, optionally ``.n``)."""
    return create_model(
        f"_{kind}_header",
        __base__=Strict,
        schema_=(Literal[f"rightscan.nlp-{kind}/1"], Field(alias="schema")),
        version=(str, Field(pattern=rf"^nlp-{kind}@\d{{4}}-\d{{2}}(\.\d+)?$")),
    )
