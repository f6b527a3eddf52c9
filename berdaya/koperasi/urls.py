from django.urls import path

from . import views, views_field
from .assessment import urls as assessment_urls

app_name = "koperasi"
urlpatterns = [
    path("", views.cooperative_list, name="list"),
    path("baru/", views.cooperative_create, name="create"),
    path("pantauan/", views.watch_list_page, name="watch_list"),
    path("angka/", views.cooperative_figures, name="figures"),
    path("<int:pk>/", views.cooperative_detail, name="detail"),
    path("<int:pk>/ubah/", views.cooperative_edit, name="edit"),
    path("<int:pk>/rat/", views.rat_add, name="rat_add"),
    path("<int:pk>/data-tahunan/", views.year_add, name="year_add"),
    path("<int:pk>/pengurus/", views.board_add, name="board_add"),
    path("<int:pk>/surat-peringatan/", views.warning_add, name="warning_add"),
    path("<int:pk>/kunjungan/", views_field.visit_plan, name="visit_plan"),
    path("<int:pk>/pembubaran/", views_field.dissolution_start, name="dissolution_start"),
    path("<int:pk>/pembubaran/langkah/", views_field.dissolution_step, name="dissolution_step"),
    path("kunjungan/saya/", views_field.my_visits, name="my_visits"),
    path("kunjungan/<int:pk>/laporan/", views_field.visit_report, name="visit_report"),
    path("tindak-lanjut/", views_field.follow_up_list, name="follow_ups"),
    path("tindak-lanjut/<int:pk>/selesai/", views_field.follow_up_done, name="follow_up_done"),
]
urlpatterns += assessment_urls.urlpatterns  # health assessment (R23-R25) and rating (R26)
