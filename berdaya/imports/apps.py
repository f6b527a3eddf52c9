from importlib import import_module
from importlib.util import find_spec

from django.apps import AppConfig, apps
from django.utils.translation import gettext_lazy as _


class ImportsConfig(AppConfig):
    name = "berdaya.imports"
    verbose_name = _("Impor data")

    def ready(self):
        # Each registry declares its import spec in <app>/importing.py (spec.register); the job handler
        # lives in services.
        for config in apps.get_app_configs():
            module = f"{config.name}.importing"
            if config.name.startswith("berdaya.") and find_spec(module) is not None:
                import_module(module)
        from . import services  # noqa: F401 - registers the "imports.run" job handler
