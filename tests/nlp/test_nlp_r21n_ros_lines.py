"""Round 21n: review-of-systems lines.

- A denial does not cross a line break into the next line's own statement: "No fever or chills" on one line and
  "headaches daily" on the next is a headache she has. The denial still reaches the next line when its list carries
  on (the line ends on a comma, "or", "and", a colon) or the next line goes on with "or".
- "HA" with a review of systems' positive sign ("HA+", "HA (+)", "HA +ve") is a headache she has, as "headache (+)";
  a table's cell "| HA |" is no sign, and "HA (-)" is no headache.
"""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from nlp_helpers import symptom_codes

HEAD = "58F, L breast IDC 2019, lumpectomy + RT, on anastrozole, follow-up visit.\nROS:\n"
PROPERTY = settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.too_slow])

DENIED = ["No fever or chills", "Denies nausea, vomiting", "no night sweats", "Negative for fever", "No SOB"]
STATED = [("headaches daily", "headache"), ("back pain x 1 month", "back_pain"), ("cough for 4 weeks", "cough"),
          ("- headache most mornings for 3 wks", "headache"), ("low back pain, constant", "back_pain")]  # fmt: skip


@PROPERTY
@given(st.sampled_from(DENIED), st.sampled_from(STATED))
def test_a_denial_does_not_reach_the_next_lines_statement(denied: str, stated: tuple[str, str]) -> None:
    line, code = stated
    assert code in symptom_codes(f"{HEAD}{denied}\n{line}\n")


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("No fever, chills,\nheadache or vomiting\n", "headache"),
        ("No fever or chills\nor headaches\n", "headache"),
        ("Denies fever or\nback pain\n", "back_pain"),
        ("Denies:\n- fever\n- headache\n", "headache"),
        ("No fever and no\ncough\n", "cough"),
    ],
)
def test_a_denied_list_carried_on_across_the_line_still_denies(text: str, code: str) -> None:
    assert code not in symptom_codes(HEAD + text)


@pytest.mark.parametrize(
    "text", ["Neuro: HA+\n", "HA (+), no visual change\n", "Fever (-), HA (+)\n", "HA +ve, cough -ve\n", "HA (+ve)\n"]
)
def test_ha_with_a_positive_sign_is_a_headache(text: str) -> None:
    assert "headache" in symptom_codes(HEAD + text)


@pytest.mark.parametrize(
    "text", ["Neuro: HA (-)\n", "| Neuro | HA | N |\n", "Hyaluronic acid (HA) injections to knee\n"]
)
def test_ha_without_a_positive_sign_is_no_headache(text: str) -> None:
    assert "headache" not in symptom_codes(HEAD + text)
