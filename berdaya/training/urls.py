from django.urls import path

from . import views

app_name = "training"
urlpatterns = [
    path("", views.event_list, name="list"),
    path("baru/", views.event_create, name="create"),
    path("cakupan/", views.coverage, name="coverage"),
    path("tindak-lanjut/", views.follow_up_list, name="follow_ups"),
    path("tindak-lanjut/<int:pk>/", views.follow_up_record, name="follow_up"),
    path("<int:pk>/", views.event_detail, name="detail"),
    path("<int:pk>/ubah/", views.event_edit, name="edit"),
    path("<int:pk>/undang/", views.event_invite, name="invite"),
    path("<int:pk>/daftar/", views.participant_register, name="register"),
    path("<int:pk>/tutup/", views.event_complete, name="complete"),
    path("<int:pk>/sertifikat/", views.event_certificates, name="certificates"),
    path("<int:pk>/laporan/", views.event_report, name="report"),
    path("<int:pk>/presensi/", views.checkin_page, name="checkin"),
    path("<int:pk>/presensi/kirim/", views.checkin_sync, name="checkin_sync"),
    path("<int:pk>/presensi/cari/", views.checkin_search, name="checkin_search"),
    path("<int:pk>/presensi/jumlah/", views.checkin_count, name="checkin_count"),
    path("<int:pk>/presensi/langsung/", views.checkin_walk_in, name="walk_in"),
    path("peserta/<int:pk>/", views.participant_detail, name="participant"),
    path("peserta/<int:pk>/qr.png", views.participant_qr, name="participant_qr"),
    path("peserta/<int:pk>/<slug:action>/", views.participant_action, name="participant_action"),
    path("sertifikat/<int:pk>/unduh/", views.certificate_download, name="certificate"),
    path("sertifikat/<int:pk>/cabut/", views.certificate_revoke, name="certificate_revoke"),
]
