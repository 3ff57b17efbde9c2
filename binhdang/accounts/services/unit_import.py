"""Import units from a spreadsheet: check every row, then write all of it or nothing.

Who may import: whoever holds ORGANISE, each row only inside their reach (the administrator
anywhere, the department secretariat within its department). Rows are matched by code:
a new code creates a unit, a known code in reach updates it. The check runs twice: for the
preview, and again inside the writing transaction, so a change made in between is caught.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.utils.translation import gettext as _

from binhdang.core.text import fold

from .. import policy
from ..choices import UnitType
from ..importing.columns import HEADER_OF
from ..importing.reader import Issue, Table
from ..models import OrgUnit, User
from .units import unit_create

CODE_PATTERN = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._/-]*$")
MAX_LENGTHS = {
    "code": 32,
    "name": 255,
    "district": 100,
    "commune": 100,
    "address": 255,
    "phone": 50,
    "email": 254,
}
WRITABLE = ["name", "unit_type", "district", "commune", "address", "phone", "email"]
TOP_LEVEL_TYPES = {UnitType.MINISTRY.value, UnitType.DEPARTMENT.value}


def _type_lookup() -> dict[str, str]:
    lookup = {}
    for choice in UnitType:
        lookup[fold(str(choice.label))] = choice.value
        lookup[choice.value] = choice.value
    return lookup


def read_issue_message(code: str, params: dict) -> str:
    """The Vietnamese message for a problem found while reading the file."""
    if code == "unreadable_xlsx":
        return _(
            "Không đọc được tệp như một bảng tính Excel (.xlsx). Hãy mở tệp bằng Excel và "
            "lưu lại dưới dạng “Sổ làm việc Excel (.xlsx)” hoặc “CSV UTF-8”."
        )
    if code == "encoding":
        return _("Không nhận ra bảng mã của tệp CSV; hãy lưu lại dưới dạng “CSV UTF-8”.")
    if code == "too_many_rows":
        return _("Tệp có quá nhiều dòng; mỗi lần chỉ nhập tối đa %(limit)s đơn vị.") % params
    if code == "no_header":
        return _("Tệp không có dữ liệu: thiếu cả dòng tiêu đề (dòng 1) theo mẫu.")
    if code == "no_rows":
        return _("Tệp chỉ có dòng tiêu đề, không có dòng đơn vị nào để nhập.")
    if code == "unknown_column":
        return (
            _(
                "Dòng tiêu đề (dòng 1), cột %(column)s: “%(title)s” không phải là cột của mẫu. "
                "Hãy dùng đúng tiêu đề trong tệp mẫu."
            )
            % params
        )
    if code == "duplicate_column":
        return (
            _(
                "Dòng tiêu đề (dòng 1), cột %(column)s: cột “%(title)s” bị lặp (đã có ở cột "
                "%(first)s)."
            )
            % params
        )
    if code == "missing_columns":
        names = ", ".join(f"“{HEADER_OF[name]}”" for name in params["fields"])
        return _("Dòng tiêu đề (dòng 1) không đúng mẫu: thiếu cột %(names)s.") % {"names": names}
    return code


def read_issue_messages(issues: list[Issue]) -> list[str]:
    return [read_issue_message(code, params) for code, params in issues]


@dataclass
class ImportRow:
    number: int
    values: dict[str, str]
    action: str = ""  # "create", "update" or "unchanged"
    changes: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)

    @property
    def type_label(self) -> str:
        value = self.values.get("unit_type", "")
        return str(UnitType(value).label) if value in UnitType.values else value

    @property
    def action_label(self) -> str:
        return {
            "create": _("Tạo mới"),
            "update": _("Cập nhật"),
            "unchanged": _("Không đổi"),
        }.get(self.action, "")


@dataclass
class ImportPlan:
    rows: list[ImportRow]
    columns: dict[str, str]

    @property
    def errors(self) -> list[str]:
        return [message for row in self.rows for message in row.errors]

    @property
    def is_valid(self) -> bool:
        return not self.errors

    def count(self, action: str) -> int:
        return sum(1 for row in self.rows if row.action == action and not row.errors)

    @property
    def count_create(self) -> int:
        return self.count("create")

    @property
    def count_update(self) -> int:
        return self.count("update")

    @property
    def count_unchanged(self) -> int:
        return self.count("unchanged")

    def as_data(self) -> dict:
        """What the preview keeps in the session until the user confirms."""
        return {
            "columns": self.columns,
            "rows": [[row.number, row.values] for row in self.rows],
        }


def table_from_data(data: dict) -> Table:
    return Table(
        columns=dict(data["columns"]),
        rows=[(int(number), dict(values)) for number, values in data["rows"]],
    )


def units_import_plan(*, user: User, table: Table) -> ImportPlan:
    """Check every row against the file and the database; nothing is written."""
    columns = table.columns
    types = _type_lookup()
    plan = ImportPlan(
        rows=[ImportRow(number=n, values=dict(v)) for n, v in table.rows], columns=columns
    )

    def where(row: ImportRow, name: str) -> str:
        return _("Dòng %(row)s, cột %(column)s (%(title)s)") % {
            "row": row.number,
            "column": columns.get(name, "?"),
            "title": HEADER_OF[name],
        }

    for row in plan.rows:
        for name in list(row.values):
            row.values[name] = row.values[name].strip()
        row.values["code"] = row.values.get("code", "").upper()
        row.values["parent_code"] = row.values.get("parent_code", "").upper()

    codes = {row.values["code"] for row in plan.rows} | {
        row.values["parent_code"] for row in plan.rows
    }
    existing = {unit.code.upper(): unit for unit in OrgUnit.objects.filter(code__in=codes)}
    first_row_of: dict[str, int] = {}
    file_rows = {}
    for row in plan.rows:
        values = row.values
        code = values["code"]
        for name in ("code", "name", "unit_type", "parent_code"):
            if not values.get(name):
                row.errors.append(
                    _("%(where)s: không được để trống.") % {"where": where(row, name)}
                )
        for name, limit in MAX_LENGTHS.items():
            if len(values.get(name, "")) > limit:
                row.errors.append(
                    _("%(where)s: dài quá %(limit)s ký tự.")
                    % {"where": where(row, name), "limit": limit}
                )
        if code and not CODE_PATTERN.match(code):
            row.errors.append(
                _(
                    "%(where)s: mã “%(code)s” chỉ được gồm chữ cái không dấu, chữ số và "
                    "các dấu - _ . /"
                )
                % {"where": where(row, "code"), "code": code}
            )
        if code in first_row_of:
            row.errors.append(
                _("%(where)s: mã “%(code)s” trùng với dòng %(first)s của tệp.")
                % {"where": where(row, "code"), "code": code, "first": first_row_of[code]}
            )
        elif code:
            first_row_of[code] = row.number
            file_rows[code] = row
        raw_type = values.get("unit_type", "")
        if raw_type:
            unit_type = types.get(fold(raw_type))
            if unit_type is None:
                row.errors.append(
                    _("%(where)s: loại đơn vị “%(value)s” không có trong danh mục (%(list)s).")
                    % {
                        "where": where(row, "unit_type"),
                        "value": raw_type,
                        "list": "; ".join(str(choice.label) for choice in UnitType),
                    }
                )
            else:
                values["unit_type"] = unit_type
        if values.get("email"):
            try:
                validate_email(values["email"])
            except ValidationError:
                row.errors.append(
                    _("%(where)s: “%(value)s” không phải là địa chỉ thư điện tử hợp lệ.")
                    % {"where": where(row, "email"), "value": values["email"]}
                )

    for row in plan.rows:
        values = row.values
        code, parent_code = values["code"], values["parent_code"]
        unit = existing.get(code)
        if unit is not None and not policy.can(user, policy.Action.ORGANISE, unit):
            row.errors.append(
                _(
                    "%(where)s: mã “%(code)s” đã được dùng cho một đơn vị ngoài phạm vi quản lý "
                    "của bạn."
                )
                % {"where": where(row, "code"), "code": code}
            )
            continue
        if not parent_code:
            continue
        if parent_code == code:
            row.errors.append(
                _("%(where)s: đơn vị không thể là cấp trên của chính nó.")
                % {"where": where(row, "parent_code")}
            )
            continue
        parent = existing.get(parent_code)
        keeps_parent = unit is not None and parent is not None and unit.parent_id == parent.pk
        if parent_code in file_rows and parent_code not in existing:
            parent_ok = True  # created by this file; its own row is checked on its own
        elif parent is not None and (
            keeps_parent or policy.can(user, policy.Action.ORGANISE, parent)
        ):
            parent_ok = True
        else:
            parent_ok = False
        if not parent_ok:
            row.errors.append(
                _(
                    "%(where)s: không có đơn vị mã “%(code)s” trong phạm vi quản lý của bạn "
                    "(và trong tệp cũng không có)."
                )
                % {"where": where(row, "parent_code"), "code": parent_code}
            )
            continue
        if unit is not None and parent is not None and parent.path.startswith(unit.path):
            row.errors.append(
                _("%(where)s: không thể chuyển đơn vị vào cây con của chính nó.")
                % {"where": where(row, "parent_code")}
            )
        unit_type = values.get("unit_type")
        if (
            unit_type in TOP_LEVEL_TYPES
            and (unit is None or unit.unit_type != unit_type)
            and not (parent is not None and policy.can(user, policy.Action.ADMINISTER, parent))
        ):
            row.errors.append(
                _("%(where)s: chỉ quản trị hệ thống mới tạo được đơn vị loại “%(type)s”.")
                % {"where": where(row, "unit_type"), "type": UnitType(unit_type).label}
            )

    _check_cycles(plan, file_rows, existing, where)
    for row in plan.rows:
        unit = existing.get(row.values["code"])
        if unit is None:
            row.action = "create"
            continue
        row.changes = [
            str(OrgUnit._meta.get_field(name).verbose_name)
            for name in WRITABLE
            if name in row.values and row.values[name] != getattr(unit, name)
        ]
        parent = existing.get(row.values["parent_code"])
        if parent is None or parent.pk != unit.parent_id:
            row.changes.append(str(OrgUnit._meta.get_field("parent").verbose_name))
        row.action = "update" if row.changes else "unchanged"
    return plan


def _check_cycles(plan: ImportPlan, file_rows: dict, existing: dict, where) -> None:
    """New units whose parents are new units of the same file must not loop."""
    for row in plan.rows:
        seen = {row.values["code"]}
        parent_code = row.values["parent_code"]
        while parent_code in file_rows and parent_code not in existing:
            if parent_code in seen:
                row.errors.append(
                    _("%(where)s: mã đơn vị cấp trên tạo thành vòng lặp trong tệp.")
                    % {"where": where(row, "parent_code")}
                )
                break
            seen.add(parent_code)
            parent_code = file_rows[parent_code].values["parent_code"]


@transaction.atomic
def units_import_apply(*, user: User, table: Table) -> ImportPlan:
    """Check again and write every row in one transaction; any error writes nothing."""
    plan = units_import_plan(user=user, table=table)
    if not plan.is_valid:
        raise ValidationError(plan.errors)
    by_code = {
        unit.code.upper(): unit
        for unit in OrgUnit.objects.select_for_update().filter(
            code__in=[row.values["code"] for row in plan.rows]
            + [row.values["parent_code"] for row in plan.rows]
        )
    }
    pending = list(plan.rows)
    while pending:  # parents before children; cycles were refused above
        progressed = False
        for row in list(pending):
            parent = by_code.get(row.values["parent_code"])
            if parent is None:
                continue
            _write_row(row, parent, by_code)
            pending.remove(row)
            progressed = True
        if not progressed:  # pragma: no cover - prevented by units_import_plan
            raise ValidationError(_("Không xác định được thứ tự nhập các đơn vị."))
    return plan


def _write_row(row: ImportRow, parent: OrgUnit, by_code: dict[str, OrgUnit]) -> None:
    values = row.values
    fields = {name: values[name] for name in WRITABLE if name in values}
    unit = by_code.get(values["code"])
    if unit is None:
        by_code[values["code"]] = unit_create(
            parent=parent, code=values["code"], name=fields.pop("name"), **fields
        )
        return
    if row.action == "unchanged":
        return
    # The save below moves the unit with its subtree when the parent changes; cycles were
    # refused by units_import_plan.
    unit.parent = parent
    for name, value in fields.items():
        setattr(unit, name, value)
    unit.version += 1  # forms opened before the import will refuse to overwrite it
    unit.full_clean(exclude=["path", "parent"])
    unit.save()  # one audited change, the new parent included
