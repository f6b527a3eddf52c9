app_name = "koperasi"
urlpatterns: list = []
