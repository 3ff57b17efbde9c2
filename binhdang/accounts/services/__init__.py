"""Writes of the accounts domain. Views and commands call these; they hold the rules.

Split by entity; everything is re-exported here so callers keep writing
`services.unit_create(...)`, `services.role_grant(...)`, `services.member_replace(...)`.
"""

from .committees import (
    committee_decision_record,
    committee_ensure,
    member_add,
    member_end,
    member_replace,
    member_update,
)
from .errors import service_error
from .people import (
    password_reset_send,
    role_grant,
    role_revoke,
    user_create,
    user_update,
)
from .unit_import import ImportPlan, ImportRow, units_import_apply, units_import_plan
from .units import unit_create, unit_move, unit_update

__all__ = [
    "ImportPlan",
    "ImportRow",
    "committee_decision_record",
    "committee_ensure",
    "member_add",
    "member_end",
    "member_replace",
    "member_update",
    "password_reset_send",
    "role_grant",
    "role_revoke",
    "service_error",
    "unit_create",
    "unit_move",
    "unit_update",
    "units_import_apply",
    "units_import_plan",
    "user_create",
    "user_update",
]
