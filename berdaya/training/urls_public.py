from django.urls import path

from . import views_public

app_name = "training_public"
urlpatterns = [
    path("sertifikat/<str:code>/", views_public.verify, name="verify"),
]
