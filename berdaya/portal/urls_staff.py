"""Staff pages of the portal (login required): /layanan-publik/ (berdaya/urls.py)."""

from django.urls import path

from . import views_staff

app_name = "portal_staff"

urlpatterns = [
    path("", views_staff.queue, name="queue"),
    path("<int:pk>/", views_staff.detail, name="detail"),
    path("<int:pk>/jawab/", views_staff.answer, name="answer"),
    path("<int:pk>/teruskan/", views_staff.forward, name="forward"),
    path("katalog/", views_staff.listings, name="listings"),
    path("katalog/<int:pk>/cabut/", views_staff.listing_withdraw, name="listing_withdraw"),
]
