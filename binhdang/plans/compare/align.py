"""Aligning two lists (sections, items, bases) by similarity, keeping document order.

Exact matches on a normalised key come first (difflib over the key lists); what is left in a
replaced stretch is paired by word similarity above a threshold, the rest is added/removed.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from difflib import SequenceMatcher
from typing import TypeVar

from binhdang.plans.compare.diff import fold_key, mask_years

T = TypeVar("T")
Pair = tuple[int | None, int | None]

# Similarity is computed between every old and new element of a replaced stretch; past this
# many pairs only neighbours (by relative position) are compared, to stay fast on big rewrites.
_ALL_PAIRS_LIMIT = 900
_WINDOW = 12
_FLOOR = 0.2  # no threshold is this low, so cheaper upper bounds may cut the work below it


def align(
    old: Sequence[T],
    new: Sequence[T],
    text: Callable[[T], str],
    threshold: float = 0.5,
    *,
    years: Iterable[int] = (),
    key: Callable[[T], str] | None = None,
    bonus: Callable[[T, T], float] | None = None,
    comparable: Callable[[T, T], bool] | None = None,
) -> list[Pair]:
    """Pairs (old index, new index); None on one side for a removal or an addition.

    `text` gives the words compared (years of the two plans masked), `key` an exact-match key
    (default: the masked words), `bonus` adds to a pair's score (same task number),
    `comparable` rules a pair out (two different document numbers).
    """
    years = list(years)
    old_words = [mask_years(fold_key(text(x)), years) for x in old]
    new_words = [mask_years(fold_key(text(x)), years) for x in new]
    old_keys = [key(x) for x in old] if key else old_words
    new_keys = [key(x) for x in new] if key else new_words
    matcher = SequenceMatcher(None, old_keys, new_keys, autojunk=False)
    pairs: list[Pair] = []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            pairs.extend(zip(range(i1, i2), range(j1, j2), strict=True))
            continue

        def score(i: int, j: int) -> float:
            if comparable and not comparable(old[i], new[j]):
                return 0.0
            value = _word_similarity(old_words[i].split(), new_words[j].split())
            return value + (bonus(old[i], new[j]) if bonus else 0.0)

        pairs.extend(_pair_by_similarity(range(i1, i2), range(j1, j2), score, threshold))
    return pairs


def _word_similarity(a: list[str], b: list[str]) -> float:
    matcher = SequenceMatcher(None, a, b, autojunk=False)
    if matcher.real_quick_ratio() < _FLOOR or matcher.quick_ratio() < _FLOOR:
        return 0.0
    return matcher.ratio()


def _candidates(olds: range, news: range):
    if len(olds) * len(news) <= _ALL_PAIRS_LIMIT:
        return ((i, j) for i in olds for j in news)
    scale = len(news) / max(1, len(olds))
    return (
        (i, j)
        for i in olds
        for j in news
        if abs((j - news.start) - (i - olds.start) * scale) <= _WINDOW
    )


def _pair_by_similarity(olds: range, news: range, score, threshold) -> list[Pair]:
    # Best pairs first, then only pairs that keep both orders (no crossing), so that a moved
    # paragraph shows as removed + added rather than scrambling the neighbours.
    scores = sorted(
        ((score(i, j), i, j) for i, j in _candidates(olds, news)),
        key=lambda s: (-s[0], s[1], s[2]),
    )
    chosen: dict[int, int] = {}
    for value, i, j in scores:
        if value < threshold:
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
