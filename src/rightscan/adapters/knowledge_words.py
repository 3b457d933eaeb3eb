"""Schemas and builders for the words a topic and its staging chapter give the engine: the topic's
public URL, its citations and its sentences (acr topic file ``url``, ``citations``, ``wording``) and the
staging chapter's citations (ajcc8_breast.yaml ``citations``). Hooked into ``knowledge_files``."""

from __future__ import annotations

from dataclasses import fields

from pydantic import BaseModel, ConfigDict, Field, create_model, model_validator

from rightscan.adapters.kbfiles import ENV_TOPICS  # noqa: F401  (re-exported for topic_files)
from rightscan.domain.guidance import FEATURES, VARIANT_FEATURES
from rightscan.domain.knowledge import (
    StagingCitations,
    TopicCitations,
    TopicPurposes,
    TopicWording,
    TopicWords,
    VariantReasons,
)
from rightscan.domain.model import PURPOSES

_Text = Field(min_length=3)


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


def _texts(name: str, words: type) -> type[_Strict]:
    """The schema of a block of texts (citations, reasons): one text for each field of the domain's
    ``words`` dataclass, which names them once."""
    return create_model(name, __base__=_Strict, **{f.name: (str, _Text) for f in fields(words)})


StagingCitationsSchema = _texts("StagingCitationsSchema", StagingCitations)
TopicCitationsSchema = _texts("TopicCitationsSchema", TopicCitations)
_VariantReasonsSchema = _texts("_VariantReasonsSchema", VariantReasons)


class TopicWordingSchema(_Strict):
    upstaging: str = _Text
    red_flags_outside_topic: str = _Text
    biology_not_covered: str = _Text
    variant_reasons: _VariantReasonsSchema


class _FollowUpSchema(_Strict):
    settings: list[str] = Field(min_length=1)
    read_as: str


class TopicPurposesSchema(_Strict):
    order: list[str] = Field(min_length=1)
    due_first: str
    due_first_reason: str = _Text
    red_flags: str
    red_flags_in_follow_up: _FollowUpSchema
    red_flags_outside_topic_when: dict[str, list[str]] = Field(min_length=1)

    @model_validator(mode="after")
    def _known(self) -> TopicPurposesSchema:
        if sorted(self.order) != sorted(PURPOSES):
            raise ValueError(f"order must list the purposes {', '.join(PURPOSES)} once each")
        if self.due_first not in self.order or self.red_flags not in self.order:
            raise ValueError("due_first and red_flags must be purposes of the topic")
        settings = set(FEATURES["setting"])
        if not {*self.red_flags_in_follow_up.settings, self.red_flags_in_follow_up.read_as} <= settings:
            raise ValueError("red_flags_in_follow_up names an unknown setting")
        for feature, values in self.red_flags_outside_topic_when.items():
            if feature not in VARIANT_FEATURES or not set(values) <= set(FEATURES[feature]):
                raise ValueError(f"red_flags_outside_topic_when: unknown feature or value in {feature!r}")
        return self


def staging_citations(s: BaseModel) -> StagingCitations:
    return StagingCitations(**s.model_dump())


def topic_words(
    url: str, citations: BaseModel, wording: TopicWordingSchema, purposes: TopicPurposesSchema
) -> TopicWords:
    w, p = wording, purposes
    return TopicWords(
        url=url,
        citations=TopicCitations(**citations.model_dump()),
        wording=TopicWording(
            upstaging=w.upstaging,
            red_flags_outside_topic=w.red_flags_outside_topic,
            biology_not_covered=w.biology_not_covered,
            variant_reasons=VariantReasons(**w.variant_reasons.model_dump()),
        ),
        purposes=TopicPurposes(
            order=tuple(p.order),
            due_first=p.due_first,
            due_first_reason=p.due_first_reason,
            red_flags=p.red_flags,
            red_flags_follow_up_settings=frozenset(p.red_flags_in_follow_up.settings),
            red_flags_read_as=p.red_flags_in_follow_up.read_as,
            red_flags_outside_topic_when=tuple((k, frozenset(v)) for k, v in p.red_flags_outside_topic_when.items()),
        ),
    )
