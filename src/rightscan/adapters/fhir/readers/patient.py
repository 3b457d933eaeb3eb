"""Patient -> sex and age (whole years at ``today``; a partial birth date must still give one age)."""

from __future__ import annotations

from datetime import date

from rightscan.adapters.fhir.gathered import Cand, Gathered
from rightscan.adapters.fhir.prefetch import Res
from rightscan.adapters.fhir.values import DATE_RE

_MIN_AGE, _MAX_AGE = 18, 120  # the core contract's age range


def read_patient(g: Gathered, res: Res) -> None:
    data = res.data
    gender = data.get("gender")
    if gender in ("female", "male"):
        g.candidate("sex", Cand(gender, None, res.ref, True))
    elif gender is not None:
        system = "http://hl7.org/fhir/administrative-gender"
        g.ignore(res.ref, {"system": system, "code": gender}, "not used (female or male only)")
    birth = data.get("birthDate")
    if birth is None:
        return
    m = DATE_RE.match(birth) if isinstance(birth, str) else None
    if m is None:
        g.ignore(res.ref, None, "birth date not understood")
        return
    year, month, day = int(m[1]), m[2], m[3]
    # youngest and oldest possible age for a partial date
    first = date(year, int(month or 1), int(day or 1))
    last_month = int(month or 12)
    last_day = int(day) if day else _month_days(year, last_month)
    last = date(year, last_month, last_day)
    if first > g.today:
        g.ignore(res.ref, None, "impossible age: birth date in the future")
        return
    oldest, youngest = _age(first, g.today), _age(last, g.today)
    if oldest != youngest:
        g.ignore(res.ref, None, "birth date too imprecise for an age")
    elif not _MIN_AGE <= oldest <= _MAX_AGE:
        reason = "impossible age" if oldest > _MAX_AGE else f"age below {_MIN_AGE}: outside the core contract"
        g.ignore(res.ref, None, reason)
    else:
        g.candidate("age", Cand(oldest, None, res.ref, True))


def _month_days(year: int, month: int) -> int:
    nxt = date(year + (month == 12), month % 12 + 1, 1)
    return (nxt - date(year, month, 1)).days


def _age(birth: date, today: date) -> int:
    return today.year - birth.year - ((today.month, today.day) < (birth.month, birth.day))
