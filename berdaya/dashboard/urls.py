from django.urls import path

from . import views

app_name = "dashboard"

urlpatterns = [
    path("", views.home, name="home"),
    path("bidang/<slug:key>/", views.division, name="division"),
    path("pemberitahuan/<int:pk>/dibaca/", views.notification_read, name="notification_read"),
]
