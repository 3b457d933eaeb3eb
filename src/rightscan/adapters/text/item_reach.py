"""Round 50t: a symptom's phrase is never assembled across a box or an answer between two items of a form's row.

"Bone pain: [ ] Y [X] N      Back pain: [ ] Y [X] N": the layout blanks both answered pairs and marks each label it
answers; the blanked row then read "Bone pain: ... Back pain:", and the pain field's phrase "pain: back" (targets.yaml
round 44b, "Pain: low back") was found from the first item's "pain:" to the second item's "Back" (v50 bx-050: a back
pain raised from two boxes ticked No; the longer phrase also hid the first item's own mention). Here, where two labels
the layout answers stand on one line with only the blanked answer between them, a cell bar is written in the blank
right before the second label, as the layout does between signed items (trailing_signs.py): no phrase reaches over it,
and each item keeps its own mention and answer. A field's value after one answered label ("Pain: [x] yes location: mid
back", one label) is left as it is. Same length, same offsets.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence

_BAR = "|"


def bar_between(plain: str, marks: Sequence[tuple[int, int, str]]) -> str:
    """``plain`` with a bar in the blanked gap between two answered labels of one line."""
    if len(marks) < 2:
        return plain
    chars: list[str] | None = None
    spans = sorted({(s, t) for s, t, _ in marks})
    for (_, end), (start, _) in itertools.pairwise(spans):
        gap = plain[end:start]
        if len(gap) < 3 or gap.strip() or "\n" in gap:
            continue
        chars = chars if chars is not None else list(plain)
        chars[start - 2] = _BAR
    return plain if chars is None else "".join(chars)
