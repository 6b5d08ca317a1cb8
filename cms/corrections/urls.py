"""Members' pages about correction requests, under /teskilatlar/<organization id>/duzelisler/.

cms/urls.py includes these before cms.organizations.urls, whose routes
none of these paths can match.
"""

from django.urls import path

from . import views

app_name = "corrections"

urlpatterns = [
    path("<int:pk>/duzelisler/", views.request_list, name="list"),
    path("<int:pk>/duzelisler/yeni/", views.choose, name="choose"),
    path("<int:pk>/duzelisler/yeni/muraciet-<int:filing_id>/", views.new, name="new_filing"),
    path("<int:pk>/duzelisler/yeni/<slug:subject>/", views.new, name="new"),
    path("<int:pk>/duzelisler/<int:request_id>/", views.detail, name="detail"),
    path("<int:pk>/duzelisler/<int:request_id>/senedler/<int:evidence_id>/", views.download, name="download"),
]
