"""Confidence intervals for proportions (no SciPy needed).

wilson(k, n):          Wilson score interval for k/n (Wilson 1927); behaves well for small n
                       and for shares near 0 or 1, unlike the normal ("Wald") interval.
newcombe(k1, n1, k0, n0):  interval for the difference p1 - p0 of two independent
                       proportions, Newcombe's hybrid score method (method 10 in
                       Newcombe 1998, Statistics in Medicine 17:873-890), built from
                       the two Wilson intervals.
"""
from __future__ import annotations

import math

Z95 = 1.959963984540054


def wilson(k: int, n: int, z: float = Z95) -> tuple[float, float]:
    if n <= 0:
        return (math.nan, math.nan)
    p = k / n
    z2 = z * z
    denom = 1 + z2 / n
    centre = (p + z2 / (2 * n)) / denom
    half = z * math.sqrt(p * (1 - p) / n + z2 / (4 * n * n)) / denom
    return (max(0.0, centre - half), min(1.0, centre + half))


def newcombe(k1: int, n1: int, k0: int, n0: int, z: float = Z95) -> tuple[float, float, float]:
    """(difference p1 - p0, lower, upper)."""
    if n1 <= 0 or n0 <= 0:
        return (math.nan, math.nan, math.nan)
    p1, p0 = k1 / n1, k0 / n0
    l1, u1 = wilson(k1, n1, z)
    l0, u0 = wilson(k0, n0, z)
    d = p1 - p0
    lower = d - math.sqrt((p1 - l1) ** 2 + (u0 - p0) ** 2)
    upper = d + math.sqrt((u1 - p1) ** 2 + (p0 - l0) ** 2)
    return (d, lower, upper)
