from django.urls import include, path

from . import views
from .views import committees, people, unit_import, units

unit_patterns = [
    # The tree: /units/...
    path("units/", units.unit_list, name="list"),
    path("units/new/", units.unit_create, name="create"),
    path("units/<int:pk>/", units.unit_detail, name="detail"),
    path("units/<int:pk>/edit/", units.unit_edit, name="edit"),
    path("units/<int:pk>/tree/", units.unit_tree, name="tree"),
    path("units/import/", unit_import.import_upload, name="import"),
    path("units/import/confirm/", unit_import.import_confirm, name="import_confirm"),
    path("units/import/template.xlsx", unit_import.import_template, name="import_template"),
    # Committees: /committees/... (a unit's own committee hangs under the unit)
    path("committees/", committees.committee_overview, name="committees"),
    path("units/<int:unit_pk>/committee/", committees.committee_detail, name="committee"),
    path(
        "units/<int:unit_pk>/committee/decisions/new/",
        committees.decision_create,
        name="decision_create",
    ),
    path("units/<int:unit_pk>/committee/members/new/", committees.member_add, name="member_add"),
    path("committees/members/<int:pk>/edit/", committees.member_edit, name="member_edit"),
    path("committees/members/<int:pk>/replace/", committees.member_replace, name="member_replace"),
    path("committees/members/<int:pk>/end/", committees.member_end, name="member_end"),
    # People: /people/...
    path("people/", people.people_list, name="people"),
    path("people/new/", people.person_create, name="person_create"),
    path("people/<int:pk>/", people.person_edit, name="person_edit"),
    path("people/<int:pk>/grants/", people.person_grant, name="person_grant"),
    path("people/<int:pk>/reset-password/", people.person_reset, name="person_reset"),
    path("people/grants/<int:pk>/revoke/", people.grant_revoke, name="grant_revoke"),
]

urlpatterns = [
    path("", views.home, name="home"),
    # One namespace "units" for the tree, the committees and the people, under three
    # prefixes so that each has its own entry in the navigation.
    path("", include((unit_patterns, "units"))),
]
