"""Schemas and builders for the words a topic and its staging chapter give the engine: the topic's
public URL, its citations and its sentences (acr topic file ``url``, ``citations``, ``wording``) and the
staging chapter's citations (ajcc8_breast.yaml ``citations``). Hooked into ``knowledge_files``."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field

from rightscan.domain.knowledge import (
    StagingCitations,
    TopicCitations,
    TopicWording,
    TopicWords,
    VariantReasons,
)

# Folders of knowledge served as topics besides the packaged one (path-separated; adapters.topic_files).
ENV_TOPICS = "RIGHTSCAN_TOPICS"
_Text = Field(min_length=3)


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class StagingCitationsSchema(_Strict):
    t: str = _Text
    n_m: str = _Text
    anatomic: str = _Text
    clinical: str = _Text
    pathological: str = _Text
    her2_equivocal: str = _Text


class TopicCitationsSchema(_Strict):
    no_red_flag: str = _Text
    upstaging: str = _Text
    red_flags_outside_topic: str = _Text
    biology_not_covered: str = _Text


class _VariantReasonsSchema(_Strict):
    early: str = _Text
    late: str = _Text
    split: str = _Text
    red_flags_in_follow_up: str = _Text


class TopicWordingSchema(_Strict):
    upstaging: str = _Text
    red_flags_outside_topic: str = _Text
    biology_not_covered: str = _Text
    variant_reasons: _VariantReasonsSchema


def staging_citations(s: StagingCitationsSchema) -> StagingCitations:
    return StagingCitations(**s.model_dump())


def topic_words(url: str, citations: TopicCitationsSchema, wording: TopicWordingSchema) -> TopicWords:
    w = wording
    return TopicWords(
        url=url,
        citations=TopicCitations(**citations.model_dump()),
        wording=TopicWording(
            upstaging=w.upstaging,
            red_flags_outside_topic=w.red_flags_outside_topic,
            biology_not_covered=w.biology_not_covered,
            variant_reasons=VariantReasons(**w.variant_reasons.model_dump()),
        ),
    )
