from django.urls import path

from workflows import lessons_views as views
from workflows.lessons import LessonFlow
from workflows.urls import PortalFlowViewset

app_name = "lessons"


class LessonFlowViewset(PortalFlowViewset):
    parent_namespace = "lessons"


urlpatterns = [
    path("", views.LessonListView.as_view(), name="list"),
    path("new/", views.LessonStartView.as_view(), name="start"),
    path("<int:pk>/", views.LessonDetailView.as_view(), name="detail"),
    path("<int:pk>/versions/<int:number>/", views.VersionDetailView.as_view(), name="version_detail"),
    path("<int:pk>/correct/", views.LessonCorrectView.as_view(), name="correct"),
    path("<int:pk>/files/<int:attachment_pk>/", views.attachment_download, name="attachment"),
    path("tasks/", LessonFlowViewset(LessonFlow).urls),
]
