"""The portal's start page; mounted in the ``portal`` namespace by config.urls."""

from django.urls import path

from workflows.core import views

urlpatterns = [
    path("", views.DashboardView.as_view(), name="dashboard"),
]
