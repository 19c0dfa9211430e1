from django.urls import path

from learning import views

app_name = "learning"

urlpatterns = [
    path("exports/<slug:what>.<slug:fmt>", views.ExportView.as_view(), name="export"),
    path("regions/<slug:slug>/checklist/", views.ChecklistView.as_view(), name="checklist"),
    path("regions/<slug:slug>/indicators/", views.IndicatorView.as_view(), name="indicators"),
    path("regions/<slug:slug>/checklist/<int:item_id>/", views.ChecklistItemView.as_view(), name="checklist_item"),
]
