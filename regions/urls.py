from django.urls import path

from regions import views

app_name = "portal"

urlpatterns = [
    path("", views.DashboardView.as_view(), name="dashboard"),
    path("regions/", views.RegionListView.as_view(), name="region_list"),
    path("regions/<slug:slug>/", views.RegionDetailView.as_view(), name="region_detail"),
    path("regions/<slug:slug>/manage/", views.RegionManageView.as_view(), name="region_manage"),
    path("regions/<slug:slug>/documents/", views.RegionDocumentUploadView.as_view(), name="region_document_upload"),
    path("audit/", views.AuditLogView.as_view(), name="audit_log"),
    path("my-data/", views.MyDataView.as_view(), name="my_data"),
    path("files/<int:pk>/", views.document_download, name="document_download"),
    path("organisations/<slug:slug>/", views.OrganisationDetailView.as_view(), name="organisation_detail"),
]
