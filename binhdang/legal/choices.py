from django.db import models
from django.utils.translation import gettext_lazy as _


class DocType(models.TextChoices):
    """Kinds of legal documents. The engine speaks the Vietnamese names (`DOC_TYPE_NAMES`),
    which stay untranslated so that a registry entry compares equal to a citation whatever
    the interface language."""

    LAW = "luat", _("Luật")
    CODE = "bo_luat", _("Bộ luật")
    ORDINANCE = "phap_lenh", _("Pháp lệnh")
    RESOLUTION = "nghi_quyet", _("Nghị quyết")
    JOINT_RESOLUTION = "nghi_quyet_lien_tich", _("Nghị quyết liên tịch")
    DECREE = "nghi_dinh", _("Nghị định")
    DECISION = "quyet_dinh", _("Quyết định")
    DIRECTIVE = "chi_thi", _("Chỉ thị")
    CIRCULAR = "thong_tu", _("Thông tư")
    JOINT_CIRCULAR = "thong_tu_lien_tich", _("Thông tư liên tịch")
    PLAN = "ke_hoach", _("Kế hoạch")
    PROGRAMME = "chuong_trinh", _("Chương trình")
    PROJECT = "de_an", _("Đề án")
    CONCLUSION = "ket_luan", _("Kết luận")
    REGULATION = "quy_dinh", _("Quy định")
    INSTRUCTION = "huong_dan", _("Hướng dẫn")
    NOTICE = "thong_bao", _("Thông báo")
    REPORT = "bao_cao", _("Báo cáo")
    OFFICIAL_LETTER = "cong_van", _("Công văn")
    OFFICIAL_TELEGRAM = "cong_dien", _("Công điện")
    CONSOLIDATED = "van_ban_hop_nhat", _("Văn bản hợp nhất")
    GUIDANCE = "van_ban_huong_dan", _("Văn bản hướng dẫn")


DOC_TYPE_NAMES: dict[str, str] = {
    DocType.LAW: "Luật",
    DocType.CODE: "Bộ luật",
    DocType.ORDINANCE: "Pháp lệnh",
    DocType.RESOLUTION: "Nghị quyết",
    DocType.JOINT_RESOLUTION: "Nghị quyết liên tịch",
    DocType.DECREE: "Nghị định",
    DocType.DECISION: "Quyết định",
    DocType.DIRECTIVE: "Chỉ thị",
    DocType.CIRCULAR: "Thông tư",
    DocType.JOINT_CIRCULAR: "Thông tư liên tịch",
    DocType.PLAN: "Kế hoạch",
    DocType.PROGRAMME: "Chương trình",
    DocType.PROJECT: "Đề án",
    DocType.CONCLUSION: "Kết luận",
    DocType.REGULATION: "Quy định",
    DocType.INSTRUCTION: "Hướng dẫn",
    DocType.NOTICE: "Thông báo",
    DocType.REPORT: "Báo cáo",
    DocType.OFFICIAL_LETTER: "Công văn",
    DocType.OFFICIAL_TELEGRAM: "Công điện",
    DocType.CONSOLIDATED: "Văn bản hợp nhất",
    DocType.GUIDANCE: "Văn bản hướng dẫn",
}
DOC_TYPE_BY_NAME: dict[str, str] = {name: key for key, name in DOC_TYPE_NAMES.items()}
