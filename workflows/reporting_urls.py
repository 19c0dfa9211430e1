from django.urls import path

from workflows import reporting_views as views
from workflows.reporting import ReportingFlow
from workflows.urls import PortalFlowViewset

app_name = "reports"


class ReportingFlowViewset(PortalFlowViewset):
    parent_namespace = "reports"


urlpatterns = [
    path("", views.OverviewView.as_view(), name="overview"),
    path("rounds/new/", views.RoundFormView.as_view(), name="round_create"),
    path("rounds/<int:pk>/", views.RoundFormView.as_view(), name="round_edit"),
    path("regions/<slug:slug>/", views.RegionProgressView.as_view(), name="region_progress"),
    path("<int:pk>/", views.ReportDetailView.as_view(), name="report_detail"),
    path("<int:pk>/versions/<int:number>/", views.VersionDetailView.as_view(), name="version_detail"),
    path("tasks/", ReportingFlowViewset(ReportingFlow).urls),
]
