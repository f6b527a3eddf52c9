from django.urls import path

from . import views

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
