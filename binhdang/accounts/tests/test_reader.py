"""The unit-file reader alone (plain Python, no database)."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from binhdang.accounts.importing.columns import column_letter
from binhdang.accounts.importing.reader import ReadError, read_table


def csv_bytes(*lines: str, encoding="utf-8") -> bytes:
    return "\n".join(lines).encode(encoding)


def test_column_letters_follow_excel():
    assert [column_letter(i) for i in (0, 8, 25, 26, 27, 701, 702)] == [
        "A",
        "I",
        "Z",
        "AA",
        "AB",
        "ZZ",
        "AAA",
    ]


@given(st.integers(min_value=0, max_value=20_000))
def test_column_letters_are_distinct_and_uppercase(index):
    letters = column_letter(index)
    assert letters.isupper() and letters.isalpha()
    assert letters != column_letter(index + 1)


def test_columns_in_any_order_and_blank_rows_are_skipped():
    table = read_table(
        csv_bytes(
            "Tên đơn vị,Mã đơn vị cấp trên,Mã đơn vị,Loại đơn vị",
            "Trường THPT A,SGDDT-HP,HP-1,Trường THPT",
            ",,,",
            "Trường THPT B,SGDDT-HP,HP-2,Trường THPT",
        ),
        "csv",
    )
    assert table.columns == {"name": "A", "parent_code": "B", "code": "C", "unit_type": "D"}
    assert [(n, v["code"]) for n, v in table.rows] == [(2, "HP-1"), (4, "HP-2")]


def test_decomposed_vietnamese_is_normalised():
    decomposed = "Trường THPT Ngô Quyền".replace("ô", "o\u0302")
    table = read_table(
        csv_bytes(
            "Mã đơn vị,Tên đơn vị,Loại đơn vị,Mã đơn vị cấp trên",
            f"HP-1,{decomposed},Trường THPT,X",
        ),
        "csv",
    )
    assert table.rows[0][1]["name"] == "Trường THPT Ngô Quyền"


def test_a_repeated_column_is_named():
    with pytest.raises(ReadError) as caught:
        read_table(
            csv_bytes("Mã đơn vị,Tên đơn vị,Loại đơn vị,Mã đơn vị cấp trên,Mã đơn vị"), "csv"
        )
    assert ("duplicate_column", {"column": "E", "title": "Mã đơn vị", "first": "A"}) in (
        caught.value.issues
    )
