"""The indicator catalogue and the targets of the source documents (plain Python).

Used by the data migration that seeds the catalogue; later changes are new versions made
in the admin, never edits of these rows.
"""

from __future__ import annotations

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

# Metric keys the aggregation knows how to compute (see reports.aggregate).
METRIC_WOMEN_LEADER = "units_with_woman_leader_pct"
METRIC_ACTION_MONTH = "units_with_action_month_pct"

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
