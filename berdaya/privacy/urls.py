from django.urls import path

from . import views

app_name = "privacy"
urlpatterns = [
    path("", views.request_list, name="request_list"),
    path("permintaan/baru/", views.request_create, name="request_create"),
    path("permintaan/<int:pk>/", views.request_detail, name="request_detail"),
    path("permintaan/<int:pk>/akses.pdf", views.request_access_pdf, name="request_access_pdf"),
    path("insiden/", views.breach_list, name="breach_list"),
    path("insiden/<int:pk>/diberitahukan/", views.breach_notified, name="breach_notified"),
    path("masa-simpan/", views.retention, name="retention"),
    path("tautan/", views.identity_link, name="identity_link"),
    path("kotak-keluar/", views.outbox, name="outbox"),
]
