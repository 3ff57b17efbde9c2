"""Carry-forward of a plan to a new year (plain Python): see forward.carry_forward."""

from binhdang.plans.carry.flags import apply_flag, apply_flags, find_flags
from binhdang.plans.carry.forward import carry_forward
from binhdang.plans.carry.locate import Location
from binhdang.plans.carry.model import CarryResult, Change, Flag

__all__ = [
    "CarryResult",
    "Change",
    "Flag",
    "Location",
    "apply_flag",
    "apply_flags",
    "carry_forward",
    "find_flags",
]
