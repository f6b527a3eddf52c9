from django.urls import path

from . import views

app_name = "people"
urlpatterns = [
    path("", views.person_list, name="list"),
    path("baru/", views.person_create, name="create"),
    path("<int:pk>/", views.person_detail, name="detail"),
    path("<int:pk>/ubah/", views.person_edit, name="edit"),
    path("<int:pk>/gabung/", views.person_merge, name="merge"),
]
