from django.urls import path

from . import views

app_name = "regions"

urlpatterns = [
    # ?q=<name or code> searches the whole country; ?kode=<code> shows one region and its children.
    path("", views.region_list, name="list"),
    # ?kecamatan=<code>, or ?kecamatan_field=<param> naming the GET parameter that holds the code.
    path("kelurahan/", views.kelurahan_options, name="kelurahan_options"),
]
