from django.urls import path

from . import views, views_dedup

app_name = "umkm"
urlpatterns = [
    path("", views.enterprise_list, name="list"),
    path("baru/", views.enterprise_create, name="create"),
    path("angka/", views.enterprise_figures, name="figures"),
    path("<int:pk>/", views.enterprise_detail, name="detail"),
    path("<int:pk>/ubah/", views.enterprise_edit, name="edit"),
    path("<int:pk>/status/", views.enterprise_status, name="status"),
    path("<int:pk>/wub/", views.wub_assessment_add, name="wub_assessment"),
    path("<int:pk>/tambah/<slug:kind>/", views.enterprise_child_add, name="child_add"),
]

urlpatterns += [
    path("duplikat/", views_dedup.dedup_list, name="dedup_list"),
    path("duplikat/pindai/", views_dedup.dedup_scan, name="dedup_scan"),
    path("duplikat/<int:pk>/gabung/", views_dedup.dedup_merge, name="dedup_merge"),
    path("duplikat/<int:pk>/bukan-duplikat/", views_dedup.dedup_not_duplicate, name="dedup_not_duplicate"),
    path("duplikat/riwayat/", views_dedup.merge_list, name="merge_list"),
    path("duplikat/riwayat/<int:pk>/batalkan/", views_dedup.merge_undo, name="merge_undo"),
]
