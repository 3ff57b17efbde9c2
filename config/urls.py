from django.contrib import admin
from django.urls import include, path

# No MEDIA_URL route, not even with DEBUG=1: uploaded evidence and cached plan renders are
# served only by views that ask the access policy (activities:evidence_download,
# plans:pdf ...). A static route would hand them to anyone who guesses the file name.
urlpatterns = [
    path("i18n/", include("django.conf.urls.i18n")),
    path("admin/", admin.site.urls),
    path("accounts/", include("binhdang.accounts.auth_urls")),
    path("", include("binhdang.accounts.urls")),
    path("legal/", include("binhdang.legal.urls")),
    path("plans/", include("binhdang.plans.urls")),
    path("documents/", include("binhdang.documents.urls")),
    path("activities/", include("binhdang.activities.urls")),
    path("reports/", include("binhdang.reports.urls")),
    path("dashboard/", include("binhdang.dashboards.urls")),
]
