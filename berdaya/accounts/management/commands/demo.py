"""`berdaya demo`: demo accounts per role and demo records in every module. Safe to run again."""

from importlib import import_module

from django.apps import apps
from django.core.management.base import BaseCommand

from berdaya.accounts.demo import create_demo_staff, credentials_file
from berdaya.accounts.models import User


class Command(BaseCommand):
    help = "Isi basis data dengan akun demo per peran dan data contoh yang masuk akal (bukan orang nyata)."

    def add_arguments(self, parser):
        parser.add_argument("--seed", type=int, default=2026)

    def handle(self, *args, seed: int, **options):
        created = create_demo_staff()
        actor = User.objects.get(username="admin")
        for config in apps.get_app_configs():
            if not config.name.startswith("berdaya."):
                continue
            try:
                module = import_module(f"{config.name}.demo")
            except ModuleNotFoundError:
                continue
            populate = getattr(module, "populate", None)
            if populate is not None:
                added = populate(actor=actor, seed=seed)
                if added:
                    self.stdout.write(f"Data demo {config.verbose_name}: {added} ditambahkan.")
        if created:
            self.stdout.write(self.style.SUCCESS("Akun demo (kata sandi hanya ditampilkan sekali ini):"))
            for username, label, password in created:
                self.stdout.write(f"  {username:<12} {password:<20} {label}")
            self.stdout.write(f"Tersimpan juga di {credentials_file()}")
        else:
            self.stdout.write(f"Akun demo sudah ada; kata sandinya ada di {credentials_file()}")
