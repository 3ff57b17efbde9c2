"""The citation engine: find citations of legal documents in Vietnamese text and check them.

Plain Python (no Django) so that the importer, carry-forward, the command line and the
benchmarks can call it without a database. Public interface:

* `find_citations(text) -> list[CitationData]` — every numbered citation, with its span;
* `parse_basis(text) -> CitationData | None` — the document a legal-basis line rests on,
  unnumbered guidance included;
* `parse_period(text) -> (valid_from, valid_to, annual_year)`;
* `RegistryEntry`, `default_registry()`, `load_registry(path)` — the reference documents;
* `check_citations(citations, registry, *, plan_year, bases=False)` — adds flags;
* `check_citation(citation, *, year, registry=None, bases=False)` — one citation's flags.

Number/symbol convention: for "125/2021/NĐ-CP" the number is "125" and the symbol
"2021/NĐ-CP" (everything after the first "/"), so `reference` gives "125/2021/NĐ-CP".
"""

from .checker import FLAG_CODES, check_citation, check_citations
from .finder import find_citations, parse_basis
from .periods import parse_period
from .registry import RegistryEntry, default_registry, load_registry

__all__ = [
    "FLAG_CODES",
    "RegistryEntry",
    "check_citation",
    "check_citations",
    "default_registry",
    "find_citations",
    "load_registry",
    "parse_basis",
    "parse_period",
]
