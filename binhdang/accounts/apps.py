from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "binhdang.accounts"
    label = "accounts"
    verbose_name = "Tài khoản, đơn vị và Ban VSTBPN"
