"""The indicator catalogue and the targets of the source documents (plain Python).

Used by the data migration that seeds the catalogue; later changes are new versions made
in the admin, never edits of these rows.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

# Case types the cases app will count; entered by hand until then.
CASE_TYPES: tuple[tuple[str, str], ...] = (
    ("VIOLENCE", "bạo lực trên cơ sở giới"),
    ("HARASSMENT", "quấy rối tình dục"),
    ("DISCRIMINATION", "phân biệt đối xử về giới"),
    ("OTHER", "khác"),
)


def _staff(code: str, name: str, key: str, order: int, rules: dict | None = None) -> dict:
    return {
        "code": code,
        "name": name,
        "unit_of_measure": "người",
        "disaggregation": "sex",
        "source": "staff",
        "source_key": key,
        "rules": rules or {},
        "order": order,
    }


INDICATORS: list[dict] = [
    _staff("STAFF", "Cán bộ, giáo viên, nhân viên", "staff", 10),
    _staff(
        "MANAGERS",
        "Cán bộ quản lý (hiệu trưởng, phó hiệu trưởng)",
        "managers",
        20,
        {"lte": "STAFF"},
    ),
    {
        "code": "COMMITTEE",
        "name": "Thành viên Ban Vì sự tiến bộ của phụ nữ",
        "unit_of_measure": "người",
        "disaggregation": "sex",
        "source": "committee",
        "source_key": "committee",
        "rules": {"lte": "STAFF"},
        "order": 30,
    },
    _staff("PARTY", "Đảng viên", "party", 40, {"lte": "STAFF"}),
    _staff("SUCCESSION", "Cán bộ trong quy hoạch", "succession", 50, {"lte": "STAFF"}),
    _staff("APPOINTMENTS", "Cán bộ được bổ nhiệm mới", "appointments", 60, {"lte": "STAFF"}),
    {
        "code": "ACTIVITIES",
        "name": "Hoạt động về bình đẳng giới và vì sự tiến bộ của phụ nữ",
        "unit_of_measure": "hoạt động",
        "disaggregation": "none",
        "source": "activities",
        "source_key": "activities",
        "rules": {},
        "order": 70,
    },
    {
        "code": "PARTICIPANTS",
        "name": "Lượt người tham gia các hoạt động",
        "unit_of_measure": "lượt người",
        "disaggregation": "sex_group",
        "source": "activities",
        "source_key": "participants",
        "rules": {},
        "order": 80,
    },
    {
        "code": "TRAININGS",
        "name": "Lớp tập huấn về bình đẳng giới",
        "unit_of_measure": "lớp",
        "disaggregation": "none",
        "source": "activities",
        "source_key": "trainings",
        "rules": {"lte": "ACTIVITIES"},
        "order": 90,
    },
    {
        "code": "TRAINEES",
        "name": "Lượt người được tập huấn",
        "unit_of_measure": "lượt người",
        "disaggregation": "sex",
        "source": "activities",
        "source_key": "trainees",
        "rules": {"lte": "PARTICIPANTS"},
        "order": 100,
    },
    {
        "code": "ACTION_MONTH",
        "name": "Hoạt động trong Tháng hành động vì bình đẳng giới",
        "unit_of_measure": "hoạt động",
        "disaggregation": "none",
        "source": "activities",
        "source_key": "action_month",
        "rules": {"lte": "ACTIVITIES"},
        "order": 110,
    },
]
for _index, (_key, _label) in enumerate(CASE_TYPES):
    INDICATORS.append(
        {
            "code": f"CASES_{_key}_RECEIVED",
            "name": f"Vụ việc {_label} tiếp nhận",
            "unit_of_measure": "vụ việc",
            "disaggregation": "none",
            "source": "entered",
            "source_key": "",
            "rules": {},
            "order": 120 + 2 * _index,
        }
    )
    INDICATORS.append(
        {
            "code": f"CASES_{_key}_HANDLED",
            "name": f"Vụ việc {_label} đã xử lý",
            "unit_of_measure": "vụ việc",
            "disaggregation": "none",
            "source": "entered",
            "source_key": "",
            "rules": {"lte": f"CASES_{_key}_RECEIVED"},
            "order": 121 + 2 * _index,
        }
    )
INDICATORS.append(
    {
        "code": "COMMENDATIONS",
        "name": "Tập thể, cá nhân được khen thưởng về công tác vì sự tiến bộ của phụ nữ",
        "unit_of_measure": "tập thể/cá nhân",
        "disaggregation": "sex",
        "source": "entered",
        "source_key": "",
        "rules": {},
        "order": 200,
    }
)

# Metrics a target can be compared with: each is a percentage the aggregation computes
# (see reports.aggregate.metric_rates). A target names one by key; keys are stored in
# targets and frozen results, so they never change meaning once used.
METRIC_WOMEN_LEADER = "units_with_woman_leader_pct"
METRIC_ACTION_MONTH = "units_with_action_month_pct"


UNITS = pgettext_lazy("counted", "đơn vị")  # "83/97 units", not the model's name


@dataclass(frozen=True)
class Metric:
    """A percentage: units meeting a condition out of units, or women out of a total.

    `kind` says how it is computed:
    - "staff_units": units whose staff figures for the year meet `condition` (a lookup and
      its value), out of units with staff figures;
    - "report_units": accepted reports of the period whose value of `codes[0]` is positive,
      out of accepted reports with that indicator;
    - "report_women": women out of the total of `codes` in the accepted reports;
    - "report_ratio": the total of `codes` out of the total of `denominator_codes` in the
      accepted reports (cases handled out of cases received).
    """

    key: str
    label: str | Promise  # as the secretariat chooses it in the target form
    short: str  # chart label (charts are drawn in Vietnamese)
    kind: str
    codes: tuple[str, ...] = ()
    condition: tuple[str, object] = ("pk__isnull", False)  # a staff-figures lookup
    denominator_codes: tuple[str, ...] = ()
    counted: str | Promise = UNITS  # what the numerator and denominator count
    year_end_only: bool = False  # the Action Month is in November: mid-year reports miss it

    @property
    def source(self) -> str | Promise:
        if self.kind == "staff_units":
            return _("Số liệu cán bộ của năm")
        return _("Báo cáo đã tiếp nhận của kỳ")


_CASES_RECEIVED = tuple(f"CASES_{key}_RECEIVED" for key, _label in CASE_TYPES)
_CASES_HANDLED = tuple(f"CASES_{key}_HANDLED" for key, _label in CASE_TYPES)

METRICS: tuple[Metric, ...] = (
    Metric(
        METRIC_WOMEN_LEADER,
        _("Tỷ lệ cơ quan, đơn vị có lãnh đạo chủ chốt là nữ"),
        "Đơn vị có nữ lãnh đạo chủ chốt",
        "staff_units",
        condition=("managers_female__gt", 0),
    ),
    Metric(
        "units_with_female_head_pct",
        _("Tỷ lệ đơn vị có người đứng đầu là nữ"),
        "Đơn vị có người đứng đầu là nữ",
        "staff_units",
        condition=("head_is_female", True),
    ),
    Metric(
        METRIC_ACTION_MONTH,
        _("Tỷ lệ đơn vị tổ chức hoạt động Tháng hành động vì bình đẳng giới"),
        "Đơn vị tổ chức Tháng hành động",
        "report_units",
        codes=("ACTION_MONTH",),
        year_end_only=True,
    ),
    Metric(
        "units_with_activities_pct",
        _("Tỷ lệ đơn vị có hoạt động về bình đẳng giới và vì sự tiến bộ của phụ nữ"),
        "Đơn vị có hoạt động",
        "report_units",
        codes=("ACTIVITIES",),
    ),
    Metric(
        "units_with_training_pct",
        _("Tỷ lệ đơn vị tổ chức tập huấn về bình đẳng giới"),
        "Đơn vị tổ chức tập huấn",
        "report_units",
        codes=("TRAININGS",),
    ),
    Metric(
        "units_with_committee_pct",
        _("Tỷ lệ đơn vị có Ban Vì sự tiến bộ của phụ nữ"),
        "Đơn vị có Ban VSTBPN",
        "report_units",
        codes=("COMMITTEE",),
    ),
    Metric(
        "women_staff_pct",
        _("Tỷ lệ nữ trong cán bộ, giáo viên, nhân viên"),
        "Nữ trong CB, GV, NV",
        "report_women",
        codes=("STAFF",),
        counted=_("người"),
    ),
    Metric(
        "women_managers_pct",
        _("Tỷ lệ nữ trong cán bộ quản lý"),
        "Nữ trong CBQL",
        "report_women",
        codes=("MANAGERS",),
        counted=_("người"),
    ),
    Metric(
        "women_succession_pct",
        _("Tỷ lệ nữ trong quy hoạch cán bộ"),
        "Nữ trong quy hoạch",
        "report_women",
        codes=("SUCCESSION",),
        counted=_("người"),
    ),
    Metric(
        "women_appointments_pct",
        _("Tỷ lệ nữ trong cán bộ được bổ nhiệm mới"),
        "Nữ được bổ nhiệm mới",
        "report_women",
        codes=("APPOINTMENTS",),
        counted=_("người"),
    ),
    Metric(
        "women_party_pct",
        _("Tỷ lệ nữ trong đảng viên"),
        "Nữ trong đảng viên",
        "report_women",
        codes=("PARTY",),
        counted=_("người"),
    ),
    Metric(
        "women_committee_pct",
        _("Tỷ lệ nữ trong thành viên Ban Vì sự tiến bộ của phụ nữ"),
        "Nữ trong Ban VSTBPN",
        "report_women",
        codes=("COMMITTEE",),
        counted=_("người"),
    ),
    Metric(
        "women_trainees_pct",
        _("Tỷ lệ nữ trong lượt người được tập huấn về bình đẳng giới"),
        "Nữ trong lượt tập huấn",
        "report_women",
        codes=("TRAINEES",),
        counted=_("lượt người"),
    ),
    Metric(
        "cases_handled_pct",
        _("Tỷ lệ vụ việc đã xử lý trên số vụ việc tiếp nhận"),
        "Vụ việc đã xử lý",
        "report_ratio",
        codes=_CASES_HANDLED,
        denominator_codes=_CASES_RECEIVED,
        counted=_("vụ việc"),
    ),
)
METRICS_BY_KEY: dict[str, Metric] = {metric.key: metric for metric in METRICS}

TARGETS: list[dict] = [
    {
        "code": "NQ28_WOMEN_LEADER",
        "name": "Tỷ lệ cơ quan, đơn vị có lãnh đạo chủ chốt là nữ",
        "scope": "national",
        "source_reference": "Nghị quyết số 28/NQ-CP của Chính phủ (Chiến lược quốc gia về "
        "bình đẳng giới giai đoạn 2021-2030)",
        "metric": METRIC_WOMEN_LEADER,
        "target_year": 2025,
        "value": "60.00",
        "legal": ("28", "NQ-CP"),
    },
    {
        "code": "NQ28_WOMEN_LEADER",
        "name": "Tỷ lệ cơ quan, đơn vị có lãnh đạo chủ chốt là nữ",
        "scope": "national",
        "source_reference": "Nghị quyết số 28/NQ-CP của Chính phủ (Chiến lược quốc gia về "
        "bình đẳng giới giai đoạn 2021-2030)",
        "metric": METRIC_WOMEN_LEADER,
        "target_year": 2030,
        "value": "75.00",
        "legal": ("28", "NQ-CP"),
    },
    {
        "code": "QD1790_ACTION_MONTH",
        "name": "Tỷ lệ đơn vị tổ chức hoạt động Tháng hành động vì bình đẳng giới hằng năm",
        "scope": "national",
        "source_reference": "Quyết định số 1790/QĐ-TTg của Thủ tướng Chính phủ",
        "metric": METRIC_ACTION_MONTH,
        "target_year": 2030,
        "value": "100.00",
        "legal": ("1790", "QĐ-TTg"),
    },
]
