from django.urls import path

from . import views

app_name = "directory"

urlpatterns = [
    path("", views.organization_list, name="list"),
    # "ixrac" is Azerbaijani for export.
    path("ixrac.<str:file_format>", views.organization_export, name="export"),
    path("<int:pk>/", views.organization_detail, name="detail"),
]
