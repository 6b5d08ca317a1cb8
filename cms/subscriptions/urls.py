from django.urls import path

from . import views

app_name = "subscriptions"

urlpatterns = [
    path("", views.manage, name="manage"),
    path("xeberler/", views.news_subscribe, name="news"),
    path("qanun/<slug:act_slug>/", views.follow_act, name="follow_act"),
    path("tesdiq/<str:token>/", views.confirm, name="confirm"),
    path("imtina/<str:token>/", views.unsubscribe, name="unsubscribe"),
    path("<int:subscription_id>/dayandir/", views.stop, name="stop"),
]
