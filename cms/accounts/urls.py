from django.urls import path

from . import views

app_name = "accounts"

urlpatterns = [
    path("", views.account_home, name="home"),
    path("giris-linki/", views.sign_in_link_request, name="sign_in_link"),
    path("giris-linki/<str:secret>/", views.sign_in_link_confirm, name="sign_in_link_confirm"),
    path("melumatlarim/", views.download_my_data, name="download_data"),
    path("tetbiqler/<int:token_id>/legv-et/", views.revoke_api_token, name="revoke_api_token"),
]
