"""Writes of the plans app (HackSoft style: `<entity>_<verb>(*, ...)`, one transaction each).

Access (who may call what) is checked by the views through `accounts.policy`; these services
enforce the plan's own rules: only drafts are edited, every edit carries the version it was
made on, each workflow step starts from the right status.
"""

from .carrying import plan_apply_flag, plan_carry_forward
from .closing import (
    deadline_add,
    deadline_delete,
    deadline_update,
    recipient_add,
    recipient_delete,
    recipient_move,
    recipient_update,
)
from .common import PlanLocked, PlanWorkflowError
from .editing import (
    basis_add,
    basis_delete,
    basis_move,
    basis_update,
    item_add,
    item_delete,
    item_move,
    item_update,
    plan_create,
    plan_dismiss_unplaced,
    plan_import,
    plan_update_header,
    section_add,
    section_delete,
    section_move,
    section_update,
)
from .workflow import (
    default_recipient_units,
    plan_approve,
    plan_issue,
    plan_mark_opened,
    plan_return_to_draft,
    plan_submit_for_approval,
)

__all__ = [
    "PlanLocked",
    "PlanWorkflowError",
    "basis_add",
    "basis_delete",
    "basis_move",
    "basis_update",
    "deadline_add",
    "deadline_delete",
    "deadline_update",
    "default_recipient_units",
    "item_add",
    "item_delete",
    "item_move",
    "item_update",
    "plan_apply_flag",
    "plan_approve",
    "plan_carry_forward",
    "plan_create",
    "plan_dismiss_unplaced",
    "plan_import",
    "plan_issue",
    "plan_mark_opened",
    "plan_return_to_draft",
    "plan_submit_for_approval",
    "plan_update_header",
    "recipient_add",
    "recipient_delete",
    "recipient_move",
    "recipient_update",
    "section_add",
    "section_delete",
    "section_move",
    "section_update",
]
