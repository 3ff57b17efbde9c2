from django.urls import path

from .views import activities, campaign, evidence, exports

app_name = "activities"
urlpatterns = [
    path("", activities.activity_list, name="list"),
    path("new/", activities.activity_create, name="create"),
    path("calendar/", activities.activity_calendar, name="calendar"),
    path("export.xlsx", exports.export_xlsx, name="export_xlsx"),
    path("export.csv", exports.export_csv, name="export_csv"),
    path("<int:pk>/", activities.activity_detail, name="detail"),
    path("<int:pk>/edit/", activities.activity_edit, name="edit"),
    path("<int:pk>/delete/", activities.activity_delete, name="delete"),
    path("<int:pk>/evidence/", evidence.evidence_upload, name="evidence_upload"),
    path("evidence/<int:pk>/", evidence.evidence_download, name="evidence_download"),
    path("evidence/<int:pk>/thumbnail/", evidence.evidence_thumbnail, name="evidence_thumbnail"),
    path("evidence/<int:pk>/delete/", evidence.evidence_delete, name="evidence_delete"),
    path("campaign/", campaign.campaign, name="campaign"),
    path("campaign/<int:year>/edit/", campaign.campaign_edit, name="campaign_edit"),
    path("campaign/<int:year>/export.xlsx", campaign.campaign_export, name="campaign_export"),
    path(
        "campaign/<int:year>/chart/<slug:kind>.png", campaign.campaign_chart, name="campaign_chart"
    ),
]
