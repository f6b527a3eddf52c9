from django.apps import AppConfig


class JobsConfig(AppConfig):
    name = "berdaya.jobs"
