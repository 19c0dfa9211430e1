from django.urls import path

from workflows.core.viewsets import PortalFlowViewset
from workflows.enrolment import views
from workflows.enrolment.flows import EnrolmentFlow

app_name = "enrolment"


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
    path("tasks/", PortalFlowViewset(EnrolmentFlow, namespace=app_name).urls),
]
