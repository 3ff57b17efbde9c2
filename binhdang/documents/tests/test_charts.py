"""Chart images for reports: real PNGs of the asked size, Vietnamese text drawn with glyphs."""

from __future__ import annotations

import io

from PIL import Image

from binhdang.documents.charts import bar_chart, line_chart, pie_chart

PNG = b"\x89PNG\r\n\x1a\n"


def _image(data: bytes) -> Image.Image:
    assert data.startswith(PNG)
    return Image.open(io.BytesIO(data))


def test_bar_chart_is_a_png_of_the_asked_size():
    data = bar_chart(
        ["Trường THPT Ngô Quyền", "Trường THPT Lê Quý Đôn"],
        {"Nữ": [45, 30], "Nam": [20, 25]},
        title="Cán bộ, giáo viên theo giới tính",
        width_cm=16,
        height_cm=9,
        dpi=100,
    )
    image = _image(data)
    assert abs(image.width - round(16 / 2.54 * 100)) <= 2
    assert abs(image.height - round(9 / 2.54 * 100)) <= 2


def test_charts_differ_with_their_data():
    one = bar_chart(["A", "B"], [1, 2], dpi=60)
    other = bar_chart(["A", "B"], [2, 1], dpi=60)
    assert one != other


def test_vietnamese_labels_are_drawn_without_missing_glyph_warnings(recwarn):
    line_chart(
        ["2024", "2025", "2026"],
        {"Tỷ lệ nữ quản lý": [32.5, 34.0, 36.2]},
        title="Tỷ lệ nữ trong đội ngũ quản lý — Hải Phòng",
        percent=True,
        value_labels=True,
        dpi=60,
    )
    pie_chart(["Tuyên truyền", "Thăm hỏi, hỗ trợ nạn nhân"], [3, 1], title="Hoạt động", dpi=60)
    missing = [w for w in recwarn if "missing from font" in str(w.message).lower()]
    assert not missing, [str(w.message) for w in missing]


def test_charts_without_data_still_render():
    assert _image(bar_chart([], [], title="Chưa có số liệu", dpi=60)).width > 0
    assert _image(pie_chart(["A"], [0], dpi=60)).width > 0
    assert _image(line_chart([], {}, dpi=60)).width > 0
