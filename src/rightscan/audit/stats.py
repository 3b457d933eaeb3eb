"""Rates with confidence intervals: Wilson score interval, Newcombe's difference, funnel-plot limits."""

from __future__ import annotations

import math

Z95 = 1.959963984540054
Z998 = 3.090232306167813


def wilson(successes: int, n: int, z: float = Z95) -> tuple[float | None, float | None]:
    """Wilson score interval for a proportion (None, None when n is 0)."""
    if n <= 0:
        return None, None
    if not 0 <= successes <= n:
        raise ValueError("successes must lie between 0 and n")
    p = successes / n
    z2 = z * z
    centre = (p + z2 / (2 * n)) / (1 + z2 / n)
    half = z * math.sqrt(p * (1 - p) / n + z2 / (4 * n * n)) / (1 + z2 / n)
    return max(0.0, centre - half), min(1.0, centre + half)


def rate(successes: int, n: int) -> dict[str, float | int | None]:
    low, high = wilson(successes, n)
    return {
        "numerator": successes,
        "denominator": n,
        "rate": successes / n if n else None,
        "ci_low": low,
        "ci_high": high,
    }


def newcombe_difference(x1: int, n1: int, x2: int, n2: int) -> tuple[float | None, float | None, float | None]:
    """p2 - p1 with Newcombe's hybrid score interval (method 10), from the two Wilson intervals."""
    if n1 <= 0 or n2 <= 0:
        return None, None, None
    p1, p2 = x1 / n1, x2 / n2
    l1, u1 = wilson(x1, n1)
    l2, u2 = wilson(x2, n2)
    assert l1 is not None and u1 is not None and l2 is not None and u2 is not None
    d = p2 - p1
    low = d - math.sqrt((p2 - l2) ** 2 + (u1 - p1) ** 2)
    high = d + math.sqrt((u2 - p2) ** 2 + (p1 - l1) ** 2)
    return d, low, high


def funnel_limits(p: float, n: int, z: float) -> tuple[float, float]:
    """Control limits around an overall proportion p for a unit with n patients (normal approximation)."""
    if n <= 0:
        return 0.0, 1.0
    half = z * math.sqrt(p * (1 - p) / n)
    return max(0.0, p - half), min(1.0, p + half)
