from django.urls import path

from . import views

app_name = "claims"

urlpatterns = [
    # Links from elsewhere add ?organization=<pk> to pre-select the organization.
    path("", views.start, name="start"),
    path("<int:pk>/", views.detail, name="detail"),
    path("<int:pk>/kod-gonder/", views.send_code, name="send_code"),
    path("<int:pk>/kod/", views.enter_code, name="code"),
    path("<int:pk>/senedler/", views.documents, name="documents"),
    path("<int:pk>/senedler/<int:document_id>/", views.document, name="document"),
    path("<int:pk>/legv-et/", views.cancel, name="cancel"),
]
