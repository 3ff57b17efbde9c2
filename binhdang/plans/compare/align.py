"""Aligning two lists (sections, items, bases) by similarity, keeping document order.

Exact matches on a normalised key come first (difflib over the key lists); what is left in a
replaced stretch is paired by text similarity above a threshold, the rest is added/removed.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from difflib import SequenceMatcher
from typing import TypeVar

T = TypeVar("T")
Pair = tuple[int | None, int | None]


def align(
    old: Sequence[T],
    new: Sequence[T],
    key: Callable[[T], str],
    similar: Callable[[T, T], float],
    threshold: float = 0.5,
) -> list[Pair]:
    """Pairs (old index, new index); None on one side for a removal or an addition."""
    old_keys, new_keys = [key(x) for x in old], [key(x) for x in new]
    matcher = SequenceMatcher(None, old_keys, new_keys, autojunk=False)
    pairs: list[Pair] = []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            pairs.extend(zip(range(i1, i2), range(j1, j2), strict=True))
        else:
            pairs.extend(
                _pair_by_similarity(old, new, range(i1, i2), range(j1, j2), similar, threshold)
            )
    return pairs


def _pair_by_similarity(old, new, olds: range, news: range, similar, threshold) -> list[Pair]:
    # Best pairs first, then only pairs that keep both orders (no crossing), so that a moved
    # paragraph shows as removed + added rather than scrambling the neighbours.
    scores = sorted(
        ((similar(old[i], new[j]), i, j) for i in olds for j in news),
        key=lambda s: (-s[0], s[1], s[2]),
    )
    chosen: dict[int, int] = {}
    for score, i, j in scores:
        if score < threshold:
            break
        if i in chosen or j in chosen.values():
            continue
        if any((i < oi) != (j < oj) for oi, oj in chosen.items()):
            continue
        chosen[i] = j
    result: list[Pair] = []
    by_new = {j: i for i, j in chosen.items()}
    pending_old = [i for i in olds if i not in chosen]
    for j in news:
        if j in by_new:
            i = by_new[j]
            # removals that come before this pair in the old list are reported before it
            while pending_old and pending_old[0] < i:
                result.append((pending_old.pop(0), None))
            result.append((i, j))
        else:
            result.append((None, j))
    result.extend((i, None) for i in pending_old)
    return result
