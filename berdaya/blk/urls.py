from django.urls import path

from . import views

app_name = "blk"
urlpatterns = [
    path("program/", views.programme_list, name="programmes"),
    path("program/baru/", views.programme_form, name="programme_create"),
    path("program/<int:pk>/", views.programme_detail, name="programme"),
    path("program/<int:pk>/ubah/", views.programme_form, name="programme_edit"),
    path("program/<int:pk>/unit/", views.unit_add, name="unit_add"),
    path("program/<int:pk>/angkatan-baru/", views.cohort_create, name="cohort_create"),
    path("angkatan/", views.cohort_list, name="cohorts"),
    path("angkatan/<int:pk>/", views.cohort_detail, name="cohort"),
    path("angkatan/<int:pk>/daftar/", views.cohort_register, name="cohort_register"),
    path("angkatan/<int:pk>/seleksi/", views.cohort_select, name="cohort_select"),
    path("angkatan/<int:pk>/tutup/", views.cohort_complete, name="cohort_complete"),
    path("angkatan/<int:pk>/sertifikat/", views.cohort_certify, name="cohort_certify"),
    path("angkatan/<int:pk>/hadir/", views.attendance_sheet, name="attendance"),
    path("angkatan/<int:pk>/hadir/<int:session_pk>/", views.attendance_mark, name="attendance_mark"),
    path("angkatan/<int:pk>/uji/", views.results_sheet, name="results"),
    path("angkatan/<int:pk>/tindak-lanjut/", views.cohort_follow_ups, name="follow_ups"),
    path("angkatan/<int:pk>/tindak-lanjut/<int:follow_up_pk>/", views.follow_up_record, name="follow_up"),
    path("pemagangan/", views.apprenticeship_list, name="apprenticeships"),
    path("pemagangan/baru/", views.apprenticeship_create, name="apprenticeship_create"),
    path("pemagangan/<int:pk>/", views.apprenticeship_detail, name="apprenticeship"),
    path("pemagangan/<int:pk>/daftar/", views.apprenticeship_register, name="apprenticeship_register"),
    path(
        "pemagangan/<int:pk>/hasil/<int:participant_pk>/", views.apprentice_outcome, name="apprentice_outcome"
    ),
]
