import datetime as dt

import factory

from binhdang.legal.choices import DocType
from binhdang.legal.models import LegalDocument


class LegalDocumentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = LegalDocument

    doc_type = DocType.PLAN
    number = factory.Sequence(lambda n: str(5000 + n))
    symbol = "KH-UBND"
    date = dt.date(2023, 3, 1)
    issuer = "Ủy ban nhân dân thành phố Hải Phòng"
    subject = "Triển khai công tác bình đẳng giới"
