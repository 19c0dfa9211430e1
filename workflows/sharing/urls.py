from django.urls import path

from workflows.core.viewsets import PortalFlowViewset
from workflows.sharing import views
from workflows.sharing.flows import LessonFlow

app_name = "lessons"

urlpatterns = [
    path("", views.LessonListView.as_view(), name="list"),
    path("new/", views.LessonStartView.as_view(), name="start"),
    path("<int:pk>/", views.LessonDetailView.as_view(), name="detail"),
    path("<int:pk>/versions/<int:number>/", views.VersionDetailView.as_view(), name="version_detail"),
    path("<int:pk>/correct/", views.LessonCorrectView.as_view(), name="correct"),
    path("<int:pk>/files/<int:attachment_pk>/", views.attachment_download, name="attachment"),
    path("tasks/", PortalFlowViewset(LessonFlow, namespace=app_name).urls),
]
