"""Reading a plan file for the plan commands: a Vietnamese message on a bad file."""

from __future__ import annotations

from gettext import gettext as _
from pathlib import Path

from binhdang.plans.importing import PlanImportError, import_plan_file
from binhdang.plans.structure import PlanDocument


class BadPlanFile(Exception):
    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


def read_plan(path: str) -> PlanDocument:
    file = Path(path)
    try:
        data = file.read_bytes()
    except FileNotFoundError as exc:
        raise BadPlanFile(_("Không tìm thấy tệp “%(name)s”.") % {"name": path}) from exc
    except OSError as exc:
        raise BadPlanFile(_("Không đọc được tệp “%(name)s”.") % {"name": path}) from exc
    try:
        return import_plan_file(data, file.name)
    except PlanImportError as exc:
        raise BadPlanFile(exc.message) from exc
