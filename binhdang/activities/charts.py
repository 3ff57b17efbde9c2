"""Bar charts of the Action Month coverage as PNG (matplotlib, no display needed)."""

from __future__ import annotations

import io
import textwrap

import matplotlib

matplotlib.use("Agg")
from matplotlib import pyplot as plt  # the backend must be chosen first

COLOURS = ("#c2185b", "#1565c0", "#2e7d32", "#ef6c00")


def horizontal_bars(
    labels: list[str], series: dict[str, list[int]], *, title: str, xlabel: str = ""
) -> bytes:
    """Grouped horizontal bars, one group per label; DejaVu Sans renders Vietnamese."""
    count = max(len(labels), 1)
    height = 1.2 + 0.42 * count * max(1, len(series) * 0.6)
    figure, axes = plt.subplots(figsize=(8, height), dpi=100)
    try:
        bar = 0.8 / max(len(series), 1)
        positions = list(range(len(labels)))
        for index, (name, values) in enumerate(series.items()):
            offsets = [p + (index - (len(series) - 1) / 2) * bar for p in positions]
            axes.barh(offsets, values, height=bar, label=name, color=COLOURS[index % 4])
            for y, value in zip(offsets, values, strict=True):
                if value:
                    axes.text(value, y, f" {value:,}".replace(",", "."), va="center", fontsize=8)
        axes.set_yticks(positions, ["\n".join(textwrap.wrap(label, 34)) for label in labels])
        axes.invert_yaxis()
        axes.set_title(title, fontsize=11)
        if xlabel:
            axes.set_xlabel(xlabel)
        if len(series) > 1:
            axes.legend(loc="lower right", fontsize=8)
        axes.spines[["top", "right"]].set_visible(False)
        figure.tight_layout()
        buffer = io.BytesIO()
        figure.savefig(buffer, format="png")
    finally:
        plt.close(figure)
    return buffer.getvalue()
