from django.urls import path

from learning import views

app_name = "learning"

urlpatterns = [
    path("regions/<slug:slug>/checklist/", views.ChecklistView.as_view(), name="checklist"),
    path("regions/<slug:slug>/checklist/<int:item_id>/", views.ChecklistItemView.as_view(), name="checklist_item"),
]
