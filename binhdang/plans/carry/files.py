"""Reading a plan file for the plan commands: a Vietnamese message on a bad file."""

from __future__ import annotations

from binhdang.plans.importing import PlanImportError, import_plan_path
from binhdang.plans.structure import PlanDocument


class BadPlanFile(Exception):
    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


def read_plan(path: str) -> PlanDocument:
    try:
        return import_plan_path(path)
    except PlanImportError as exc:
        raise BadPlanFile(exc.message) from exc
