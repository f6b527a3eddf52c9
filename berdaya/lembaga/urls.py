from django.urls import path

from . import views

app_name = "lembaga"
urlpatterns = [
    path("lpk/", views.institution_list, {"kind": "lpk"}, name="lpk_list"),
    path("bkk/", views.institution_list, {"kind": "bkk"}, name="bkk_list"),
    path("bkk/<int:pk>/laporan/", views.report_add, name="report_add"),
    path("<slug:kind>/", views.institution_list, name="list"),
    path("<slug:kind>/baru/", views.institution_form, name="create"),
    path("<slug:kind>/<int:pk>/", views.institution_detail, name="detail"),
    path("<slug:kind>/<int:pk>/ubah/", views.institution_form, name="edit"),
    path("<slug:kind>/<int:pk>/pembinaan/", views.coaching_add, name="coaching_add"),
]
