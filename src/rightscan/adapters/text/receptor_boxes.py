"""Round 31a (v32 dc-050): a receptor's status written as a sign in square brackets ("ER [+]   PR [+]   HER2 [-]").

Split from layout.py, which calls it first: the sign is the receptor's status, as "ER (+)" is, not a box. Read as a
box, "[-]" was an unticked one that blanked the receptor's name, and "[+]" was read by nothing: a referral form's
receptors were lost and the answer waited for them. The square brackets become round ones (same length), which the
value rules read; a bracketed sign after anything but a receptor's name is left to the layout.
"""

from __future__ import annotations

import re

_BRACKETED_SIGN = re.compile(r"\[(?:[+\-−–]|pos|neg)\]", re.IGNORECASE)


def receptor_signs(receptor_before: re.Pattern[str], text: str, chars: list[str]) -> bool:
    """Turn each receptor's bracketed sign in ``chars`` into the same sign in round brackets; whether any was."""
    found = False
    for m in _BRACKETED_SIGN.finditer(text):
        if receptor_before.search(text[max(0, m.start() - 16) : m.start()]):
            chars[m.start()], chars[m.end() - 1] = "(", ")"
            found = True
    return found
