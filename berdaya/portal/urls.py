"""The public portal's URL space: everything under /publik/ (berdaya/urls.py)."""

from django.urls import path

from . import views

app_name = "portal"

urlpatterns = [
    path("", views.home, name="home"),
    path("produk/", views.catalogue, name="catalogue"),
    path("produk/<int:pk>/", views.product_detail, name="product"),
    path("produk/<int:pk>/foto/", views.product_photo, name="product_photo"),
    path("usaha/<int:pk>/", views.listing_detail, name="listing"),
    path("program/", views.programs, name="programs"),
    path("program/<slug:code>/", views.program_detail, name="program"),
    path("program/<slug:code>/ajukan/", views.program_apply, name="apply"),
    path("kegiatan/", views.events, name="events"),
    path("kegiatan/<int:pk>/", views.event_detail, name="event"),
    path("lowongan/", views.vacancies, name="vacancies"),
    path("kerja/daftar/", views.jobseeker_preregister, name="jobseeker"),
    path("saya/", views.my_data, name="my_data"),
    path("saya/kirim/", views.my_data_send, name="my_data_send"),
    path("saya/buka/<str:code>/", views.my_data_open, name="my_data_open"),
    path("saya/keluar/", views.my_data_leave, name="my_data_leave"),
    path("saya/usaha/<int:pk>/", views.my_data_consent, name="my_data_consent"),
    path("status/", views.track, name="track"),
    path("status/<str:code>/", views.status, name="status"),
    path("cek/", views.verify, name="verify"),
    path("cek/voucher/", views.verify_voucher, name="verify_voucher"),
    path("cek/sertifikat/", views.verify_certificate, name="verify_certificate"),
    path("pengaduan/", views.complaint, name="complaint"),
    path("data-pribadi/", views.data_request, name="data_request"),
    path("data/", views.open_data, name="open_data"),
    path("data/<slug:slug>/", views.dataset, name="dataset"),
    path("data/<slug:slug>/data.csv", views.dataset_csv, name="dataset_csv"),
    path("data/<slug:slug>/data.json", views.dataset_json, name="dataset_json"),
    path("data/<slug:slug>/metadata.json", views.dataset_metadata, name="dataset_metadata"),
]
