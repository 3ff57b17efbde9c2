"""Access matrix of the legal registry: readers are everyone with VIEW somewhere (the
department's people and the schools'); writers are the secretariat, the leader and the
administrator; the outsider and the aggregate-only viewer get 403."""

from __future__ import annotations

import itertools

from binhdang.core.testing import MatrixCase, World, expect

READ = expect(200, outsider=403, viewer=403)
WRITE = expect(403, admin=200, secretariat=200, leader=200)
WRITE_POST = expect(403, admin=302, secretariat=302, leader=302)

_numbers = itertools.count(9000)


def _document(world: World) -> None:
    from binhdang.legal.models import LegalDocument

    world.document = LegalDocument.objects.get(reference_key="117/kh-ubnd")


def _new_document(world: World) -> dict:
    # Personas post in sequence on the same data: each needs a fresh number.
    return {
        "doc_type": "ke_hoach",
        "number": str(next(_numbers)),
        "symbol": "KH-SGDĐT",
        "date": "15/01/2026",
        "issuer": "Sở Giáo dục và Đào tạo thành phố Hải Phòng",
        "subject": "Thực hiện công tác bình đẳng giới năm 2026",
        "is_active": "on",
    }


def _edit(world: World) -> dict:
    world.document.refresh_from_db()
    return {
        "doc_type": "ke_hoach",
        "number": "117",
        "symbol": "KH-UBND",
        "date": "17/05/2021",
        "issuer": "Ủy ban nhân dân thành phố Hải Phòng",
        "subject": world.document.subject,
        "valid_from": "2021",
        "valid_to": "2025",
        "is_active": "on",
        "version": str(world.document.version),
    }


def _check(world: World) -> dict:
    return {"text": "Căn cứ Kế hoạch số 117/KH-UBND ngày 17/5/2021;", "year": "2026"}


CASES = [
    MatrixCase("legal:list", READ),
    MatrixCase("legal:detail", READ, setup=_document, args=lambda w: [w.document.pk]),
    MatrixCase("legal:create", WRITE),
    MatrixCase("legal:create", WRITE_POST, method="post", data=_new_document, note="save"),
    MatrixCase("legal:edit", WRITE, setup=_document, args=lambda w: [w.document.pk]),
    MatrixCase(
        "legal:edit",
        WRITE_POST,
        setup=_document,
        args=lambda w: [w.document.pk],
        method="post",
        data=_edit,
        note="save",
    ),
    MatrixCase("legal:check", READ),
    MatrixCase("legal:check", READ, method="post", data=_check, note="scan"),
]
