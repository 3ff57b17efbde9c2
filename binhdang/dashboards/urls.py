from django.urls import path

from . import views

app_name = "dashboards"
urlpatterns = [
    path("", views.department, name="department"),
    path("chart/<slug:kind>.png", views.chart, name="chart"),
]
