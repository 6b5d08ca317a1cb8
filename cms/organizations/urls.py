from django.urls import path

from . import views

app_name = "organizations"

urlpatterns = [
    path("yeni/", views.create, name="create"),
    path("devet/<str:secret>/", views.accept_invitation, name="accept_invitation"),
    path("<int:pk>/", views.detail, name="detail"),
    path("<int:pk>/deyis/", views.edit, name="edit"),
    path("<int:pk>/devet-et/", views.invite, name="invite"),
    path("<int:pk>/devetler/<int:invitation_id>/legv-et/", views.revoke_invitation, name="revoke_invitation"),
    path("<int:pk>/uzvler/<int:member_id>/<str:action>/", views.member_action, name="member_action"),
    path("<int:pk>/terk-et/", views.leave_organization, name="leave"),
]
