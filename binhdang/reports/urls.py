from django.urls import path

from .views import misc, periods, report

app_name = "reports"
urlpatterns = [
    path("", periods.period_list, name="periods"),
    path("periods/new/", periods.period_create, name="period_create"),
    path("periods/<int:pk>/", periods.period_board, name="board"),
    path("periods/<int:pk>/open/", periods.period_open, name="period_open"),
    path("periods/<int:pk>/close/", periods.period_close, name="period_close"),
    path("periods/<int:pk>/remind/", periods.period_remind, name="remind"),
    path(
        "periods/<int:pk>/department.docx",
        misc.department_download,
        {"fmt": "docx"},
        name="department_docx",
    ),
    path(
        "periods/<int:pk>/department.xlsx",
        misc.department_download,
        {"fmt": "xlsx"},
        name="department_xlsx",
    ),
    path("<int:pk>/", report.report_detail, name="report"),
    path("<int:pk>/submit/", report.report_submit, name="report_submit"),
    path("<int:pk>/review/", report.report_review, name="report_review"),
    path("<int:pk>/report.docx", report.report_docx, name="report_docx"),
    path("<int:pk>/report.pdf", report.report_pdf, name="report_pdf"),
    path("staff/", misc.staff_figures, name="staff"),
    path("staff/<int:unit_pk>/<int:year>/", misc.staff_edit, name="staff_edit"),
    path("staff/template.xlsx", misc.staff_template, name="staff_template"),
    path("targets/", misc.targets, name="targets"),
    path("notifications/", misc.notifications, name="notifications"),
    path("notifications/unread/", misc.unread, name="unread"),
]
