from django.urls import path

from . import views

app_name = "naker"
urlpatterns = [
    path("pencaker/", views.jobseeker_list, name="jobseekers"),
    path("pencaker/daftar/", views.jobseeker_register, name="jobseeker_register"),
    path("pencaker/lapor/", views.due_list, name="due"),
    path("pencaker/<int:pk>/", views.jobseeker_detail, name="jobseeker"),
    path("pencaker/<int:pk>/ubah/", views.jobseeker_edit, name="jobseeker_edit"),
    path("pencaker/<int:pk>/lapor/", views.jobseeker_report, name="jobseeker_report"),
    path("pencaker/<int:pk>/perpanjang/", views.jobseeker_renew, name="jobseeker_renew"),
    path("pencaker/<int:pk>/kartu/", views.jobseeker_card, name="jobseeker_card"),
    path("pencaker/<int:pk>/penempatan/", views.placement_create, name="placement_create"),
    path("kartu/<str:token>/", views.card_verify, name="verify"),
    path("lowongan/", views.vacancy_list, name="vacancies"),
    path("lowongan/baru/", views.vacancy_create, name="vacancy_create"),
    path("lowongan/<int:pk>/", views.vacancy_detail, name="vacancy"),
    path("lowongan/<int:pk>/ubah/", views.vacancy_edit, name="vacancy_edit"),
    path("lowongan/<int:pk>/verifikasi/", views.vacancy_verify, name="vacancy_verify"),
    path("lowongan/<int:pk>/tolak/", views.vacancy_reject, name="vacancy_reject"),
    path("tanpa-lowongan/", views.no_fit, name="no_fit"),
    path("penempatan/", views.placement_list, name="placements"),
    path("calon-pemberi-kerja/", views.likely_employers, name="likely_employers"),
    path("penempatan/<int:pk>/verifikasi/", views.placement_verify, name="placement_verify"),
    path("tindak-lanjut/<int:pk>/", views.followup_record, name="followup"),
    path("angka/", views.figures_page, name="figures"),
    path("angka/riwayat/", views.history_import, name="history_import"),
    path("jabatan/", views.occupation_list, name="occupations"),
]
