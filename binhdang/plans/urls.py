from django.urls import path

from .views import carry, compare, editing, picker, plans, render, unit_plans, workflow

app_name = "plans"
urlpatterns = [
    path("", plans.plan_list, name="list"),
    path("inbox/", plans.plan_inbox, name="inbox"),
    path("new/", plans.plan_create, name="create"),
    path("import/", plans.plan_import, name="import"),
    path("import/save/", plans.plan_import_save, name="import_save"),
    path("compare/", compare.plan_compare, name="compare"),
    path("compare.docx", compare.compare_docx, name="compare_docx"),
    path("<int:pk>/", plans.plan_detail, name="detail"),
    path("<int:pk>/receipts/", plans.plan_receipts, name="receipts"),
    # editing a draft
    path("<int:pk>/edit/", editing.plan_edit, name="edit"),
    path("<int:pk>/edit/header/", editing.header_update, name="header"),
    path("<int:pk>/edit/legal-search/", picker.legal_search, name="legal_search"),
    path(
        "<int:pk>/edit/unplaced/<int:index>/dismiss/",
        editing.unplaced_dismiss,
        name="unplaced_dismiss",
    ),
    path("<int:pk>/edit/<slug:kind>/add/", editing.row_add, name="row_add"),
    path("<int:pk>/edit/<slug:kind>/<int:row>/", editing.row_edit, name="row_edit"),
    path("<int:pk>/edit/<slug:kind>/<int:row>/delete/", editing.row_delete, name="row_delete"),
    path("<int:pk>/edit/<slug:kind>/<int:row>/move/", editing.row_move, name="row_move"),
    # workflow
    path("<int:pk>/submit/", workflow.plan_submit, name="submit"),
    path("<int:pk>/approve/", workflow.plan_approve, name="approve"),
    path("<int:pk>/return/", workflow.plan_return, name="return"),
    path("<int:pk>/issue/", workflow.plan_issue, name="issue"),
    # unit plans (issue 5)
    path("<int:pk>/unit-plan/new/", unit_plans.unit_plan_create, name="unit_create"),
    path("<int:pk>/unit-plan/submit/", unit_plans.unit_plan_submit, name="unit_submit"),
    path("<int:pk>/unit-plan/return/", unit_plans.unit_plan_return, name="unit_return"),
    path("<int:pk>/unit-plan/accept/", unit_plans.unit_plan_accept, name="unit_accept"),
    path("<int:pk>/unit-plan/comment/", unit_plans.unit_plan_comment, name="unit_comment"),
    path("<int:pk>/unit-plans/", unit_plans.unit_plans, name="unit_plans"),
    path("<int:pk>/unit-plans/remind/", unit_plans.unit_plans_remind, name="unit_remind"),
    path("<int:pk>/unit-plans/due/", unit_plans.unit_plans_due, name="unit_due"),
    # the official document
    path("<int:pk>/document.docx", render.docx_download, name="docx"),
    path("<int:pk>/document.pdf", render.pdf_download, name="pdf"),
    path("<int:pk>/preview/", render.preview, name="preview"),
    path("<int:pk>/preview/<int:page>.png", render.preview_page, name="preview_page"),
    # carry forward
    path("<int:pk>/carry/", carry.plan_carry, name="carry"),
    path("<int:pk>/carry/review/", carry.carry_review, name="carry_review"),
    path("<int:pk>/carry/resolve/", carry.carry_resolve, name="carry_resolve"),
]
