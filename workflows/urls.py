from django.urls import path
from viewflow.workflow.flow import FlowViewset

from workflows import views
from workflows.flows import EnrolmentFlow

app_name = "enrolment"


class PortalFlowViewset(FlowViewset):
    """Mounts only the flow's task pages (workflows.nodes.PortalTask); viewflow's own dashboard,
    lists and charts (Material frontend) are left out: the portal has its own inbox and lists."""

    index_path = None
    process_list_path = None
    process_detail_path = None
    process_cancel_path = None
    task_list_path = None
    chart_path = None
    flow_chart_path = None
    parent_namespace = "enrolment"


urlpatterns = [
    path("", views.InboxView.as_view(), name="inbox"),
    path("applications/", views.ApplicationListView.as_view(), name="application_list"),
    path("applications/new/", views.ApplicationStartView.as_view(), name="application_start"),
    path("applications/<int:pk>/", views.ApplicationDetailView.as_view(), name="application_detail"),
    path("applications/<int:pk>/edit/", views.ApplicationEditView.as_view(), name="application_edit"),
    path("applications/<int:pk>/versions/<int:number>/", views.VersionDetailView.as_view(), name="version_detail"),
    path("invite/", views.InviteView.as_view(), name="invite"),
    path("register/", views.RegisterView.as_view(), name="register"),
    path("register/sent/", views.RegisterDoneView.as_view(), name="register_done"),
    path("register/<uidb64>/<token>/", views.RegisterConfirmView.as_view(), name="register_confirm"),
    path("tasks/", PortalFlowViewset(EnrolmentFlow).urls),
]
