from django.core import mail
from django.urls import reverse


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
