"""Comparison of two plans (plain Python): see core.compare_plans and document.comparison_docx."""

from binhdang.plans.compare.core import Comparison, compare_plans
from binhdang.plans.compare.diff import segments, word_ops
from binhdang.plans.compare.document import comparison_docx
from binhdang.plans.compare.present import comparison_view

comparison_html = comparison_view  # the name the views use for template data

__all__ = [
    "Comparison",
    "compare_plans",
    "comparison_docx",
    "comparison_html",
    "comparison_view",
    "segments",
    "word_ops",
]
