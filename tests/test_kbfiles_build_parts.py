"""The knowledge builder's per-file parts are unpacked into ``Knowledge``: each names its fields, with
their types, so a field renamed or retyped on one side only fails here rather than at load time."""

from __future__ import annotations

from typing import Any, get_type_hints

import pytest

from rightscan.adapters.kbfiles import build
from rightscan.domain.knowledge import Knowledge

PARTS = [build._RedFlagKnowledge, build._GuidanceKnowledge]


@pytest.mark.parametrize("part", PARTS, ids=lambda p: p.__name__)
def test_each_part_declares_knowledge_fields_with_their_types(part: type) -> None:
    knowledge = get_type_hints(Knowledge)
    for name, annotation in get_type_hints(part).items():
        assert name in knowledge, f"{part.__name__}.{name} is no Knowledge field"
        assert knowledge[name] in (annotation, Any), f"{part.__name__}.{name}: {annotation} here, {knowledge[name]}"


def test_the_parts_do_not_overlap() -> None:
    red_flags, guidance = (set(get_type_hints(p)) for p in PARTS)
    assert not red_flags & guidance
    assert {"symptoms", "red_flag_rules"} <= red_flags and {"guidance", "guidance_index"} <= guidance
