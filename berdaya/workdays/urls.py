from django.urls import path

from . import views

app_name = "workdays"
urlpatterns = [
    path("", views.calendar_page, name="calendar"),
    path("libur/", views.holiday_add, name="holiday_add"),
    path("libur/<int:pk>/pindah/", views.holiday_move, name="holiday_move"),
    path("tahun/", views.year_add, name="year_add"),
    path("tahun/<int:year>/konfirmasi/", views.year_confirm, name="year_confirm"),
]
