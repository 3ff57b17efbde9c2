from django.urls import include, path

from . import views
from .views import committees, people, unit_import, units

unit_patterns = [
    path("", units.unit_list, name="list"),
    path("new/", units.unit_create, name="create"),
    path("<int:pk>/", units.unit_detail, name="detail"),
    path("<int:pk>/edit/", units.unit_edit, name="edit"),
    path("<int:pk>/tree/", units.unit_tree, name="tree"),
    path("import/", unit_import.import_upload, name="import"),
    path("import/confirm/", unit_import.import_confirm, name="import_confirm"),
    path("import/template.xlsx", unit_import.import_template, name="import_template"),
    path("committees/", committees.committee_overview, name="committees"),
    path("<int:unit_pk>/committee/", committees.committee_detail, name="committee"),
    path(
        "<int:unit_pk>/committee/decisions/new/",
        committees.decision_create,
        name="decision_create",
    ),
    path("<int:unit_pk>/committee/members/new/", committees.member_add, name="member_add"),
    path("members/<int:pk>/edit/", committees.member_edit, name="member_edit"),
    path("members/<int:pk>/replace/", committees.member_replace, name="member_replace"),
    path("members/<int:pk>/end/", committees.member_end, name="member_end"),
    path("people/", people.people_list, name="people"),
    path("people/new/", people.person_create, name="person_create"),
    path("people/<int:pk>/", people.person_edit, name="person_edit"),
    path("people/<int:pk>/grants/", people.person_grant, name="person_grant"),
    path("people/<int:pk>/reset-password/", people.person_reset, name="person_reset"),
    path("grants/<int:pk>/revoke/", people.grant_revoke, name="grant_revoke"),
]

urlpatterns = [
    path("", views.home, name="home"),
    path("units/", include((unit_patterns, "units"))),
]
