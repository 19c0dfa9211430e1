from django.urls import path

from workflows.core.viewsets import PortalFlowViewset
from workflows.reporting import views
from workflows.reporting.flows import ReportingFlow

app_name = "reports"

urlpatterns = [
    path("", views.OverviewView.as_view(), name="overview"),
    path("rounds/new/", views.RoundFormView.as_view(), name="round_create"),
    path("rounds/<int:pk>/", views.RoundFormView.as_view(), name="round_edit"),
    path("regions/<slug:slug>/", views.RegionProgressView.as_view(), name="region_progress"),
    path("<int:pk>/", views.ReportDetailView.as_view(), name="report_detail"),
    path("<int:pk>/versions/<int:number>/", views.VersionDetailView.as_view(), name="version_detail"),
    path("tasks/", PortalFlowViewset(ReportingFlow, namespace=app_name).urls),
]
