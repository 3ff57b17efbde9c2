import datetime as dt

from django.contrib.sessions.models import Session
from django.core import mail
from django.urls import reverse
from django.utils import timezone


def test_home_requires_login(client, db):
    response = client.get(reverse("home"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))


def test_login_page_is_vietnamese(client, db):
    response = client.get(reverse("login"))
    assert "Đăng nhập" in response.content.decode()


def test_home_shows_the_units_in_scope(client, people, tree):
    client.force_login(people.secretariat)
    page = client.get(reverse("home")).content.decode()
    assert "Sở Giáo dục và Đào tạo Hải Phòng" in page
    assert "Thường trực/Thư ký Ban" in page


def test_password_reset_sends_a_vietnamese_email(client, people):
    response = client.post(reverse("password_reset"), {"email": people.officer_a.email})
    assert response.status_code == 302
    assert len(mail.outbox) == 1
    assert "Đặt lại mật khẩu" in mail.outbox[0].subject
    assert "/accounts/reset/" in mail.outbox[0].body


def test_repeated_failed_logins_lock_the_account(client, people, settings):
    for _ in range(settings.AXES_FAILURE_LIMIT):
        client.post(reverse("login"), {"username": "dave", "password": "sai-mat-khau"})
    response = client.post(
        reverse("login"), {"username": "dave", "password": "Mat-khau-thu-nghiem-1"}
    )
    assert response.status_code == 429
    assert "Tạm khóa đăng nhập" in response.content.decode()


def _login_as_dave(client) -> Session:
    response = client.post(
        reverse("login"), {"username": "dave", "password": "Mat-khau-thu-nghiem-1"}
    )
    assert response.status_code == 302
    return Session.objects.get(session_key=client.session.session_key)


def test_a_session_lasts_a_working_day_and_ends_with_the_browser(client, people, settings):
    _login_as_dave(client)
    assert client.session.get_expiry_age() == 8 * 3600
    assert client.session.get_expire_at_browser_close()
    cookie = client.cookies[settings.SESSION_COOKIE_NAME]
    assert cookie["max-age"] == "" and cookie["expires"] == ""  # gone when the browser closes


def test_each_request_pushes_the_expiry_eight_hours_ahead(client, people):
    stored = _login_as_dave(client)
    stored.expire_date = timezone.now() + dt.timedelta(minutes=1)
    stored.save()
    assert client.get(reverse("home")).status_code == 200
    stored.refresh_from_db()
    assert stored.expire_date > timezone.now() + dt.timedelta(hours=7, minutes=59)


def test_an_expired_session_goes_back_to_the_login_page(client, people):
    stored = _login_as_dave(client)
    stored.expire_date = timezone.now() - dt.timedelta(seconds=1)
    stored.save()
    response = client.get(reverse("home"))
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")
