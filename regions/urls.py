"""The portal's pages about regions, organisations, documents, the audit log and personal data;
mounted in the ``portal`` namespace by config.urls (with the start page of workflows.core)."""

from django.urls import path

from regions import views

urlpatterns = [
    path("regions/", views.RegionListView.as_view(), name="region_list"),
    path("regions/<slug:slug>/", views.RegionDetailView.as_view(), name="region_detail"),
    path("regions/<slug:slug>/manage/", views.RegionManageView.as_view(), name="region_manage"),
    path("regions/<slug:slug>/documents/", views.RegionDocumentUploadView.as_view(), name="region_document_upload"),
    path("audit/", views.AuditLogView.as_view(), name="audit_log"),
    path("my-data/", views.MyDataView.as_view(), name="my_data"),
    path("files/<int:pk>/", views.document_download, name="document_download"),
    path("organisations/<slug:slug>/", views.OrganisationDetailView.as_view(), name="organisation_detail"),
]
