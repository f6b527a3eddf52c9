from django.urls import path

from . import two_factor, views

app_name = "accounts"

urlpatterns = [
    path("masuk/", views.login, name="login"),
    path("keluar/", views.logout, name="logout"),
    path("dua-langkah/", two_factor.verify, name="two_factor_verify"),
    path("dua-langkah/pasang/", two_factor.setup, name="two_factor_setup"),
    path("kata-sandi/", views.password_change, name="password_change"),
    path("pengguna/", views.users, name="users"),
    path("pengguna/baru/", views.user_create, name="user_create"),
    path("pengguna/<int:pk>/ubah/", views.user_edit, name="user_edit"),
    path("pengguna/<int:pk>/dua-langkah/atur-ulang/", two_factor.reset_page, name="two_factor_reset"),
]
