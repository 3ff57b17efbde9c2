from django.conf import settings
from django.conf.urls.static import static
from django.contrib import admin
from django.urls import include, path

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
if settings.DEBUG:
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)
