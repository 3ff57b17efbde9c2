"""`manage.py import_plan FILE [--json]`: the command-line contract of issue 4."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import CommandError, call_command

from binhdang.plans.tests.fixtures.build_docx import SEED_2024, SEED_2026, build_docx

CONTRACT_KEYS = {
    "doc_type",
    "number",
    "symbol",
    "place",
    "date",
    "year",
    "title",
    "legal_bases",
    "sections",
    "deadlines",
    "recipients",
    "signer",
    "citations",
    "unplaced",
}
SECTION_KEYS = {"label", "title", "items", "paragraphs", "children"}
CITATION_KEYS = {"type", "number", "symbol", "date", "issuer", "text", "flags"}


def run(*args: str) -> str:
    out = io.StringIO()
    call_command("import_plan", *args, stdout=out)
    return out.getvalue()


def test_json_output_follows_the_contract():
    data = json.loads(run(str(SEED_2024), "--json"))
    assert CONTRACT_KEYS <= set(data)
    assert (data["doc_type"], data["number"], data["symbol"], data["place"]) == (
        "KẾ HOẠCH",
        "",
        "KH-SGDĐT",
        "Hải Phòng",
    )
    assert (data["date"], data["year"]) == (None, 2024)
    assert len(data["legal_bases"]) == 5
    assert set(data["legal_bases"][0]) >= {"text", "citation"}
    assert data["legal_bases"][0]["citation"]["number"] == "383"
    assert data["legal_bases"][0]["citation"]["date"] == "2022-01-26"
    assert data["legal_bases"][4]["citation"]["number"] is None
    tasks = data["sections"][1]
    assert SECTION_KEYS <= set(tasks)
    assert [len(task["items"]) for task in tasks["children"]] == [2, 1, 2, 8, 5]
    assert {(d["kind"], d["date"]) for d in data["deadlines"]} >= {
        ("mid_year_report", "2024-05-28"),
        ("year_end_report", "2024-12-01"),
    }
    assert data["recipients"][-1] == "Lưu: VT, TCCB"
    assert data["signer"] == {
        "authority": "KT. GIÁM ĐỐC",
        "position": "PHÓ GIÁM ĐỐC",
        "name": "Đỗ Thị Hòa",
    }
    assert all(CITATION_KEYS <= set(c) for c in data["citations"])
    assert data["unplaced"] == []


def test_json_is_unescaped_utf8_and_indented():
    text = run(str(SEED_2026), "--json")
    assert '"doc_type": "KẾ HOẠCH"' in text  # ensure_ascii=False
    assert '\n  "symbol": "KH-SGDĐT",' in text  # indent=2


def test_docx_file(tmp_path):
    path = tmp_path / "ke-hoach-2026.docx"
    path.write_bytes(build_docx(SEED_2026.read_text(encoding="utf-8")))
    data = json.loads(run(str(path), "--json"))
    assert data["signer"]["name"] == "Phí Thị Thùy Vân"
    assert [len(s["children"]) for s in data["sections"]] == [2, 5, 0]


def test_summary_in_vietnamese():
    text = run(str(SEED_2024))
    assert "KẾ HOẠCH — Số: …/KH-SGDĐT" in text
    assert "Căn cứ: 5;" in text
    assert "4. Nâng cao năng lực" in text and "(8 ý)" in text
    assert "Thời hạn: 28/05/2024 — báo cáo 06 tháng đầu năm gửi trước ngày 28/5/2024" in text
    assert "Người ký: KT. GIÁM ĐỐC / PHÓ GIÁM ĐỐC / Đỗ Thị Hòa" in text


def test_bad_file_raises_the_importers_message(tmp_path):
    path = tmp_path / "trong.txt"
    path.write_bytes(b"")
    with pytest.raises(CommandError, match="rỗng"):
        run(str(path), "--json")
    with pytest.raises(CommandError, match="Không tìm thấy tệp"):
        run(str(tmp_path / "khong-co.txt"))


def _manage(*args: str, env_extra: dict[str, str]) -> subprocess.CompletedProcess:
    env = {**os.environ, **env_extra}
    return subprocess.run(
        [sys.executable, "manage.py", "import_plan", *args],
        cwd=Path(settings.BASE_DIR),
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


# A database that cannot exist: the command must not need one.
NO_DATABASE = {"DATABASE_URL": "postgres://nobody@127.0.0.1:9/no_such_database"}


def test_command_line_needs_no_database_and_prints_json():
    result = _manage(str(SEED_2026), "--json", env_extra=NO_DATABASE)
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["year"] == 2026 and len(data["legal_bases"]) == 3


def test_command_line_bad_file_exits_1_with_message_on_stderr(tmp_path):
    path = tmp_path / "anh.txt"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" * 20)
    result = _manage(str(path), "--json", env_extra=NO_DATABASE)
    assert result.returncode == 1
    assert result.stdout == ""
    assert "không phải tệp văn bản" in result.stderr
