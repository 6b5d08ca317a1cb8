"""E-service addresses outside the service pages; mounted at /muracietler/."""

from django.urls import path

from . import applications, downloads, satisfaction

app_name = "eservices"

urlpatterns = [
    path("", applications.my_applications, name="my_applications"),
    path("<int:filing_id>/", applications.filing_detail, name="filing_detail"),
    path("<int:filing_id>/sil/", applications.delete_draft, name="delete_draft"),
    path("<int:filing_id>/rey/", satisfaction.answer, name="satisfaction"),
    path("fayl/<int:file_id>/", downloads.download, name="download"),
]
