from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from binhdang.core.models import VersionedModel

from .choices import DOC_TYPE_NAMES, DocType
from .citations import RegistryEntry
from .citations.checker import reference_key
from .registry_sync import search_text_for


class LegalDocument(VersionedModel):
    """A document plans rest on and cite: "Quyết định 383/QĐ-BGDĐT ngày 26/01/2022".

    Global reference data (not owned by a unit): every user who may view records somewhere
    reads it, the secretariat and administrators keep it. Number and symbol follow the
    engine's convention: "125/2021/NĐ-CP" is number "125", symbol "2021/NĐ-CP".
    """

    doc_type = models.CharField(_("loại văn bản"), max_length=32, choices=DocType.choices)
    number = models.CharField(_("số"), max_length=20, blank=True)
    symbol = models.CharField(_("ký hiệu"), max_length=80, blank=True)
    date = models.DateField(_("ngày ban hành"), null=True, blank=True)
    issuer = models.CharField(_("cơ quan ban hành"), max_length=255)
    subject = models.TextField(_("trích yếu"), blank=True)
    valid_from = models.PositiveSmallIntegerField(_("hiệu lực từ năm"), null=True, blank=True)
    valid_to = models.PositiveSmallIntegerField(_("hiệu lực đến năm"), null=True, blank=True)
    annual_year = models.PositiveSmallIntegerField(
        _("văn bản của năm"),
        null=True,
        blank=True,
        help_text=_("Chỉ điền với văn bản dùng cho một năm (ví dụ kế hoạch năm 2026)."),
    )
    is_active = models.BooleanField(
        _("đang dùng"),
        default=True,
        help_text=_("Bỏ chọn để ẩn văn bản khỏi danh mục đối chiếu mà vẫn giữ lịch sử."),
    )
    reference_key = models.CharField(
        _("khóa số, ký hiệu"), max_length=120, blank=True, editable=False, db_index=True
    )
    search_text = models.CharField(_("chuỗi tìm kiếm"), max_length=2000, blank=True, editable=False)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("văn bản pháp lý")
        verbose_name_plural = _("văn bản pháp lý")
        ordering = ["-date", "doc_type", "number"]
        constraints = [
            models.UniqueConstraint(
                fields=["reference_key"],
                condition=~Q(reference_key=""),
                name="legal_document_unique_reference",
            ),
        ]
        indexes = [models.Index(fields=["doc_type"], name="legal_doc_type_idx")]

    def __str__(self) -> str:
        return self.label

    @property
    def type_name(self) -> str:
        return DOC_TYPE_NAMES.get(self.doc_type, self.doc_type)

    @property
    def reference(self) -> str:
        if self.number and self.symbol:
            return f"{self.number}/{self.symbol}"
        return self.number

    @property
    def label(self) -> str:
        """ "Kế hoạch 117/KH-UBND" or the subject when the document has no number."""
        if self.reference:
            return f"{self.type_name} {self.reference}"
        return f"{self.type_name} {self.subject[:80]}".strip()

    @property
    def period_label(self) -> str:
        if self.annual_year:
            return str(_("năm %(year)s") % {"year": self.annual_year})
        if self.valid_from and self.valid_to:
            return f"{self.valid_from}-{self.valid_to}"
        if self.valid_to:
            return str(_("đến năm %(year)s") % {"year": self.valid_to})
        if self.valid_from:
            return str(_("từ năm %(year)s") % {"year": self.valid_from})
        return ""

    def in_force(self, year: int) -> bool:
        return self.as_entry().in_force(year)

    def as_entry(self) -> RegistryEntry:
        """The plain record the citation engine checks against."""
        return RegistryEntry(
            doc_type=self.type_name,
            number=self.number or None,
            symbol=self.symbol or None,
            date=self.date,
            issuer=self.issuer,
            subject=self.subject,
            valid_from=self.valid_from,
            valid_to=self.valid_to,
            annual_year=self.annual_year,
        )

    def save(self, *args, **kwargs):
        self.reference_key = reference_key(self.number, self.symbol) if self.number else ""
        self.search_text = search_text_for(
            self.type_name, self.number, self.symbol, self.issuer, self.subject, self.date
        )
        super().save(*args, **kwargs)
