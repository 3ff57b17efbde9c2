"""Accounts and role grants (docs/decisions/0002-who-manages-people.md)."""

from __future__ import annotations

from django.contrib.auth.forms import PasswordResetForm
from django.contrib.auth.password_validation import validate_password
from django.contrib.auth.tokens import default_token_generator
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from django.utils.translation import gettext as _

from binhdang.core.concurrency import save_versioned

from .. import policy
from ..choices import Role
from ..models import OrgUnit, RoleGrant, User
from .errors import service_error

USER_FIELDS = [
    "username",
    "full_name",
    "email",
    "job_title",
    "sex",
    "phone",
    "home_unit",
    "is_active",
]


def _check_grant_allowed(actor: User | None, unit: OrgUnit, role: str) -> None:
    if actor is None:  # system callers (demo data, commands)
        return
    if not policy.can_grant(actor, unit, role):
        raise PermissionDenied


@transaction.atomic
def role_grant(
    *, user: User, unit: OrgUnit, role: str, granted_by: User | None = None
) -> RoleGrant:
    """Grant `role` on `unit` (reaching its subtree). With `granted_by`, the granter must
    be allowed to grant it there (policy.can_grant): nobody grants beyond their own reach."""
    _check_grant_allowed(granted_by, unit, role)
    grant, _created = RoleGrant.objects.get_or_create(user=user, unit=unit, role=Role(role))
    policy.forget(user)
    return grant


@transaction.atomic
def role_revoke(*, grant: RoleGrant, revoked_by: User | None = None) -> None:
    user = grant.user
    if revoked_by is not None:
        _check_grant_allowed(revoked_by, grant.unit, grant.role)
        if revoked_by.pk == user.pk:
            raise service_error(_("Bạn không thể tự thu hồi quyền của chính mình."))
    grant.delete()
    policy.forget(user)


def _check_unique(user: User) -> None:
    try:
        user.validate_unique()
    except ValidationError as exc:
        if "username" in exc.message_dict:
            raise service_error(
                _("Tên đăng nhập “%(username)s” đã được dùng.") % {"username": user.username},
                "username",
            ) from exc
        raise


@transaction.atomic
def user_create(
    *,
    username: str,
    full_name: str,
    email: str = "",
    job_title: str = "",
    sex: str = "",
    phone: str = "",
    home_unit: OrgUnit | None = None,
    is_active: bool = True,
    password: str | None = None,
) -> User:
    """Create an account. Without a password the account cannot log in until its owner
    sets one through the e-mailed link (`password_reset_send`)."""
    user = User(
        username=username.strip(),
        full_name=full_name.strip(),
        email=email.strip(),
        job_title=job_title.strip(),
        sex=sex,
        phone=phone.strip(),
        home_unit=home_unit,
        is_active=is_active,
    )
    _check_unique(user)
    if password:
        try:
            validate_password(password, user)
        except ValidationError as exc:
            raise ValidationError({"password1": exc.messages}) from exc
        user.set_password(password)
    else:
        user.set_unusable_password()
    user.full_clean(exclude=["password"])
    user.save()
    return user


@transaction.atomic
def user_update(*, user: User, expected_version: int, actor: User | None = None, **fields) -> User:
    unknown = set(fields) - set(USER_FIELDS)
    if unknown:
        raise TypeError(f"user_update got unknown fields {sorted(unknown)}")
    if actor is not None and actor.pk == user.pk and fields.get("is_active") is False:
        raise service_error(_("Bạn không thể tự khóa tài khoản của chính mình."), "is_active")
    for name, value in fields.items():
        setattr(user, name, value.strip() if isinstance(value, str) else value)
    _check_unique(user)
    user.full_clean(exclude=["password", "version"])
    save_versioned(user, expected_version=expected_version, fields=list(fields), audit=False)
    user.save()  # audit history and search_text
    return user


def password_reset_send(*, user: User, domain: str, use_https: bool) -> None:
    """E-mail the user a one-time link to set a new password (Django's reset flow), also
    for accounts that never had a usable password."""
    if not user.email:
        raise service_error(
            _("Tài khoản “%(username)s” chưa có địa chỉ thư điện tử.") % {"username": user.username}
        )
    if not user.is_active:
        raise service_error(_("Tài khoản đang bị khóa; hãy mở khóa trước khi gửi thư."))
    context = {
        "email": user.email,
        "domain": domain,
        "site_name": "BinhDang",
        "uid": urlsafe_base64_encode(force_bytes(user.pk)),
        "user": user,
        "token": default_token_generator.make_token(user),
        "protocol": "https" if use_https else "http",
    }
    PasswordResetForm().send_mail(
        "registration/password_reset_subject.txt",
        "registration/password_reset_email.txt",
        context,
        None,
        user.email,
    )
