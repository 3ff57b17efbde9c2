"""Forms of the accounts pages; they validate input, the services hold the rules."""

from .committees import DecisionForm, MemberEndForm, MemberForm, MemberReplaceForm
from .common import apply_service_errors, date_field
from .people import GrantForm, PersonCreateForm, PersonEditForm, PersonFilterForm
from .units import ImportForm, UnitFilterForm, UnitForm

__all__ = [
    "DecisionForm",
    "GrantForm",
    "ImportForm",
    "MemberEndForm",
    "MemberForm",
    "MemberReplaceForm",
    "PersonCreateForm",
    "PersonEditForm",
    "PersonFilterForm",
    "UnitFilterForm",
    "UnitForm",
    "apply_service_errors",
    "date_field",
]
