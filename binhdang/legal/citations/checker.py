"""Checking citations against the registry and the plan's year.

Flags are dicts {"code", "message", "fix", "entry"}: `message` is Vietnamese for the user,
`fix` the suggested replacement (a reference for `number_mismatch`, a dd/mm/yyyy date for
`date_mismatch`, the basis text with the plan's year for an old unnumbered guidance line,
else None), `entry` the reference of the registry entry concerned (None when unknown).

Choice on `old_annual`: an annual document of an earlier year is flagged wherever it is
cited, not only among the bases — in a carried-forward plan, "continue implementing the
2024 guidance" in a task is as stale as in the bases. `bases=True` only sharpens the message
("không nên dùng làm căn cứ").
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from difflib import SequenceMatcher
from gettext import gettext as _
from typing import Any

from binhdang.core.text import fold
from binhdang.plans.structure import CitationData

from .periods import parse_period
from .registry import RegistryEntry, default_registry

FLAG_CODES = ("unknown", "number_mismatch", "date_mismatch", "period_ended", "old_annual")


def check_citations(
    citations: list[CitationData],
    registry: Sequence[RegistryEntry],
    *,
    plan_year: int | None,
    bases: bool = False,
) -> list[CitationData]:
    """Append the findings for each citation to `citation.flags`; return `citations`.

    Calling it twice does not duplicate a flag.
    """
    index = _Index(registry)
    for citation in citations:
        for flag in _findings(citation, index, plan_year=plan_year, bases=bases):
            if not any(
                f.get("code") == flag["code"] and f.get("entry") == flag["entry"]
                for f in citation.flags
            ):
                citation.flags.append(flag)
    return citations


def check_citation(
    citation: CitationData,
    *,
    year: int | None,
    registry: Sequence[RegistryEntry] | None = None,
    bases: bool = False,
) -> list[dict[str, Any]]:
    """The flags of one citation (also appended to it); the default registry when None."""
    check_citations(
        [citation],
        default_registry() if registry is None else registry,
        plan_year=year,
        bases=bases,
    )
    return list(citation.flags)


def reference_key(number: str | None, symbol: str | None) -> str:
    """ "383/QĐ-BGDĐT" and "383/qd-bgddt " compare equal."""
    return re.sub(r"\s+", "", fold(f"{number or ''}/{symbol or ''}"))


class _Index:
    def __init__(self, registry: Sequence[RegistryEntry]):
        self.entries = list(registry)
        self.by_reference: dict[str, RegistryEntry] = {}
        for entry in self.entries:
            if entry.number:
                self.by_reference.setdefault(reference_key(entry.number, entry.symbol), entry)

    def exact(self, citation: CitationData) -> RegistryEntry | None:
        if not citation.number:
            return None
        return self.by_reference.get(reference_key(citation.number, citation.symbol))

    def likely(self, citation: CitationData) -> RegistryEntry | None:
        """The entry a citation with a wrong number most likely means, if one stands out.

        Same date and symbol, or same date, type and issuer, decides it; without a date the
        number must be one typo away and the subject must agree.
        """
        scored: list[tuple[int, RegistryEntry]] = []
        symbol = fold(citation.symbol or "")
        subject_known = bool(citation.subject)
        for entry in self.entries:
            if not entry.number:
                continue
            same_symbol = fold(entry.symbol or "") == symbol
            same_type = entry.doc_type == citation.type
            same_date = citation.date is not None and entry.date == citation.date
            same_issuer = _same_issuer(citation.issuer, entry.issuer)
            similar = subject_known and _similar(citation.subject, entry.subject)
            near = _one_typo(citation.number or "", entry.number)
            if same_date and (same_symbol or (same_type and same_issuer)):
                score = 4 + same_symbol + same_issuer + similar + near
            elif citation.date is None and same_symbol and near and (similar or not subject_known):
                score = 2 + similar
            else:
                continue
            if subject_known and not similar and not near:
                continue  # same date by coincidence, different document
            scored.append((score, entry))
        scored.sort(key=lambda pair: pair[0], reverse=True)
        if not scored or (len(scored) > 1 and scored[0][0] == scored[1][0]):
            return None
        return scored[0][1]


def _findings(
    citation: CitationData, index: _Index, *, plan_year: int | None, bases: bool
) -> list[dict[str, Any]]:
    if not citation.number:
        return _unnumbered_findings(citation, plan_year=plan_year, bases=bases)
    label = _label(citation.type, citation.reference)
    flags: list[dict[str, Any]] = []
    entry = index.exact(citation)
    if entry is None:
        entry = index.likely(citation)
        if entry is None:
            flags.append(
                _flag(
                    "unknown",
                    _(
                        "Không tìm thấy %(label)s trong danh mục văn bản; hãy kiểm tra số, "
                        "ký hiệu hoặc bổ sung văn bản vào danh mục."
                    )
                    % {"label": label},
                )
            )
            valid_from, valid_to, annual = parse_period(citation.subject)
            flags += _period_flags(label, valid_from, valid_to, annual, None, plan_year, bases)
            return flags
        flags.append(
            _flag(
                "number_mismatch",
                _(
                    "Số, ký hiệu %(wrong)s không khớp danh mục: %(type)s ngày %(date)s của "
                    "%(issuer)s có số, ký hiệu là %(right)s."
                )
                % {
                    "wrong": citation.reference,
                    "type": entry.doc_type.lower(),
                    "date": _date(entry.date),
                    "issuer": entry.issuer,
                    "right": entry.reference,
                },
                fix=entry.reference,
                entry=entry.reference,
            )
        )
        label = _label(entry.doc_type, entry.reference)
    elif citation.date is not None and entry.date is not None and citation.date != entry.date:
        flags.append(
            _flag(
                "date_mismatch",
                _("%(label)s ban hành ngày %(right)s, không phải ngày %(wrong)s.")
                % {"label": label, "right": _date(entry.date), "wrong": _date(citation.date)},
                fix=_date(entry.date),
                entry=entry.reference,
            )
        )
    flags += _period_flags(
        label, entry.valid_from, entry.valid_to, entry.annual_year, entry, plan_year, bases
    )
    return flags


def _unnumbered_findings(
    citation: CitationData, *, plan_year: int | None, bases: bool
) -> list[dict[str, Any]]:
    valid_from, valid_to, annual = parse_period(citation.subject)
    label = citation.type
    flags = _period_flags(label, valid_from, valid_to, annual, None, plan_year, bases)
    for flag in flags:
        if flag["code"] == "old_annual" and annual is not None and plan_year is not None:
            flag["fix"] = re.sub(rf"(?<=năm\s){annual}\b", str(plan_year), citation.text)
    return flags


def _period_flags(
    label: str,
    valid_from: int | None,
    valid_to: int | None,
    annual: int | None,
    entry: RegistryEntry | None,
    plan_year: int | None,
    bases: bool,
) -> list[dict[str, Any]]:
    if plan_year is None:
        return []
    reference = entry.reference if entry else None
    if valid_to is not None and valid_to < plan_year:
        if valid_from is not None:
            message = _(
                "%(label)s có hiệu lực giai đoạn %(start)s-%(end)s, đã hết trước năm %(year)s."
            )
        else:
            message = _("%(label)s có hiệu lực đến năm %(end)s, đã hết trước năm %(year)s.")
        values = {"label": label, "start": valid_from, "end": valid_to, "year": plan_year}
        return [_flag("period_ended", message % values, entry=reference)]
    if annual is not None and annual < plan_year:
        if bases:
            message = _(
                "%(label)s là văn bản của năm %(annual)s, không nên dùng làm căn cứ cho kế "
                "hoạch năm %(year)s."
            )
        else:
            message = _(
                "%(label)s là văn bản của năm %(annual)s, không còn phù hợp với kế hoạch "
                "năm %(year)s."
            )
        values = {"label": label, "annual": annual, "year": plan_year}
        return [_flag("old_annual", message % values, entry=reference)]
    return []


def _flag(
    code: str, message: str, *, fix: str | None = None, entry: str | None = None
) -> dict[str, Any]:
    return {"code": code, "message": message, "fix": fix, "entry": entry}


def _label(doc_type: str, reference: str) -> str:
    return f"{doc_type} {reference}".strip()


def _date(value) -> str:
    return value.strftime("%d/%m/%Y") if value else "?"


def _same_issuer(found: str | None, registered: str) -> bool:
    if not found:
        return False
    a, b = fold(found), fold(registered)
    return a.startswith(b) or b.startswith(a)


def _similar(found: str | None, registered: str) -> bool:
    a, b = fold(found), fold(registered)
    if not a or not b:
        return False
    words_a, words_b = set(a.split()), set(b.split())
    overlap = len(words_a & words_b) / max(1, min(len(words_a), len(words_b)))
    return overlap >= 0.6 or SequenceMatcher(None, a, b).ratio() >= 0.6


def _one_typo(a: str, b: str) -> bool:
    """Numbers one keystroke apart: a digit changed, added, dropped or two swapped."""
    if a == b:
        return False
    if len(a) == len(b):
        diffs = [i for i in range(len(a)) if a[i] != b[i]]
        if len(diffs) == 1:
            return True
        return len(diffs) == 2 and a[diffs[0]] == b[diffs[1]] and a[diffs[1]] == b[diffs[0]]
    short, long_ = sorted((a, b), key=len)
    if len(long_) - len(short) != 1:
        return False
    return any(long_[:i] + long_[i + 1 :] == short for i in range(len(long_)))
