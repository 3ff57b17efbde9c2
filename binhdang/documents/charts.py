"""Chart images (PNG bytes) for reports: bar, line and pie, with Vietnamese labels.

Drawn with matplotlib's object API on the Agg canvas, never through pyplot, so that no global
figure state is shared between requests or threads. DejaVu Sans (or Liberation Sans) carries
every Vietnamese letter; numbers are written the Vietnamese way (1.234; 12,5).
"""

from __future__ import annotations

import io
from collections.abc import Mapping, Sequence

import matplotlib

matplotlib.use("Agg", force=False)

from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.ticker import FuncFormatter

from .decree30 import format_number

# Okabe-Ito: distinguishable with colour-blindness and in greyscale print.
PALETTE = ("#0072B2", "#E69F00", "#009E73", "#D55E00", "#56B4E9", "#CC79A7", "#F0E442")
_STYLE = {
    "font.family": "sans-serif",
    "font.sans-serif": ["DejaVu Sans", "Liberation Sans", "Arial"],
    "font.size": 10,
    "axes.titlesize": 12,
    "axes.titleweight": "bold",
    "axes.spines.top": False,
    "axes.spines.right": False,
}
_CM = 1 / 2.54
Series = Mapping[str, Sequence[float]] | Sequence[float]


def _series(values: Series) -> dict[str, list[float]]:
    if isinstance(values, Mapping):
        return {str(name): [float(v or 0) for v in data] for name, data in values.items()}
    return {"": [float(v or 0) for v in values]}


def _figure(width_cm: float, height_cm: float) -> Figure:
    return Figure(figsize=(width_cm * _CM, height_cm * _CM), layout="constrained")


def _png(figure: Figure, dpi: int) -> bytes:
    buffer = io.BytesIO()
    FigureCanvasAgg(figure)
    figure.savefig(buffer, format="png", dpi=dpi, metadata={"Software": None})
    return buffer.getvalue()


def _number_formatter(percent: bool) -> FuncFormatter:
    suffix = "%" if percent else ""
    return FuncFormatter(lambda value, _pos: format_number(round(value, 2)) + suffix)


def _empty(ax, title: str) -> None:
    ax.set_axis_off()
    ax.text(0.5, 0.5, "Không có số liệu", ha="center", va="center", fontsize=11, color="#555")
    if title:
        ax.set_title(title)


def bar_chart(
    categories: Sequence[str],
    series: Series,
    *,
    title: str = "",
    xlabel: str = "",
    ylabel: str = "",
    horizontal: bool = False,
    stacked: bool = False,
    percent: bool = False,
    value_labels: bool = True,
    width_cm: float = 16,
    height_cm: float = 9,
    dpi: int = 150,
) -> bytes:
    """Grouped (or stacked) bars: one group per category, one bar per series."""
    data = _series(series)
    with matplotlib.rc_context(_STYLE):
        figure = _figure(width_cm, height_cm)
        ax = figure.add_subplot()
        if not categories or not any(any(v) for v in data.values()):
            _empty(ax, title)
            return _png(figure, dpi)
        count = len(data)
        positions = list(range(len(categories)))
        width = 0.8 if stacked else 0.8 / count
        base = [0.0] * len(categories)
        for index, (name, values) in enumerate(data.items()):
            values = (values + [0.0] * len(categories))[: len(categories)]
            offset = 0 if stacked else (index - (count - 1) / 2) * width
            where = [p + offset for p in positions]
            color = PALETTE[index % len(PALETTE)]
            if horizontal:
                bars = ax.barh(where, values, width, left=base, label=name or None, color=color)
            else:
                bars = ax.bar(where, values, width, bottom=base, label=name or None, color=color)
            if value_labels:
                labels = [format_number(round(v, 1)) + ("%" if percent else "") for v in values]
                ax.bar_label(
                    bars,
                    labels=labels,
                    fontsize=8,
                    padding=2,
                    label_type="center" if stacked else "edge",
                )
            if stacked:
                base = [b + v for b, v in zip(base, values, strict=True)]
        axis = ax.yaxis if horizontal else ax.xaxis
        value_axis = ax.xaxis if horizontal else ax.yaxis
        (ax.set_yticks if horizontal else ax.set_xticks)(positions)
        (ax.set_yticklabels if horizontal else ax.set_xticklabels)(list(categories))
        value_axis.set_major_formatter(_number_formatter(percent))
        if horizontal:
            ax.invert_yaxis()  # first category on top, as in the table beside it
        elif max(len(c) for c in categories) * len(categories) > 60:
            for label in axis.get_ticklabels():
                label.set_rotation(30)
                label.set_horizontalalignment("right")
        ax.grid(axis="x" if horizontal else "y", alpha=0.3)
        ax.set_axisbelow(True)
        ax.set_xlabel(xlabel)
        ax.set_ylabel(ylabel)
        if title:
            ax.set_title(title)
        if count > 1 or next(iter(data)):
            ax.legend(frameon=False, fontsize=9)
        return _png(figure, dpi)


def line_chart(
    categories: Sequence[str],
    series: Series,
    *,
    title: str = "",
    xlabel: str = "",
    ylabel: str = "",
    percent: bool = False,
    value_labels: bool = False,
    width_cm: float = 16,
    height_cm: float = 9,
    dpi: int = 150,
) -> bytes:
    """One line per series over the categories (years, periods)."""
    data = _series(series)
    with matplotlib.rc_context(_STYLE):
        figure = _figure(width_cm, height_cm)
        ax = figure.add_subplot()
        if not categories or not data:
            _empty(ax, title)
            return _png(figure, dpi)
        positions = list(range(len(categories)))
        for index, (name, values) in enumerate(data.items()):
            values = values[: len(categories)]
            color = PALETTE[index % len(PALETTE)]
            ax.plot(
                positions[: len(values)],
                values,
                marker="o",
                label=name or None,
                color=color,
                linewidth=2,
            )
            if value_labels:
                for x, y in zip(positions, values, strict=False):
                    ax.annotate(
                        format_number(round(y, 1)) + ("%" if percent else ""),
                        (x, y),
                        textcoords="offset points",
                        xytext=(0, 6),
                        ha="center",
                        fontsize=8,
                    )
        ax.set_xticks(positions)
        ax.set_xticklabels(list(categories))
        ax.margins(x=0.05, y=0.15)  # room for the value labels above the highest point
        ax.yaxis.set_major_formatter(_number_formatter(percent))
        ax.grid(axis="y", alpha=0.3)
        ax.set_xlabel(xlabel)
        ax.set_ylabel(ylabel)
        if title:
            ax.set_title(title)
        if len(data) > 1 or next(iter(data)):
            ax.legend(frameon=False, fontsize=9)
        return _png(figure, dpi)


def pie_chart(
    labels: Sequence[str],
    values: Sequence[float],
    *,
    title: str = "",
    width_cm: float = 12,
    height_cm: float = 9,
    dpi: int = 150,
) -> bytes:
    """Shares of a whole, each slice labelled with its percentage (12,5%)."""
    numbers = [float(v or 0) for v in values]
    with matplotlib.rc_context(_STYLE):
        figure = _figure(width_cm, height_cm)
        ax = figure.add_subplot()
        total = sum(numbers)
        if not labels or total <= 0:
            _empty(ax, title)
            return _png(figure, dpi)
        colors = [PALETTE[i % len(PALETTE)] for i in range(len(numbers))]
        wedges, _texts, _autotexts = ax.pie(
            numbers,
            colors=colors,
            startangle=90,
            counterclock=False,
            autopct=lambda pct: format_number(round(pct, 1)) + "%" if pct >= 3 else "",
            pctdistance=0.7,
            wedgeprops={"linewidth": 1, "edgecolor": "white"},
            textprops={"fontsize": 9, "color": "white", "weight": "bold"},
        )
        figure.legend(wedges, list(labels), frameon=False, fontsize=9, loc="outside right center")
        ax.set_aspect("equal")
        if title:  # over the whole figure: the pie's own axes are narrower than the title
            figure.suptitle(title, fontsize=12, fontweight="bold")
        return _png(figure, dpi)
