"""`berdaya worker [db_worker options]`: the background worker. First marks failed the jobs a previous
worker on this machine left running when it died, then drains the queue (django-tasks' `db_worker`).

Run it under a supervisor that restarts it (README: systemd `Restart=always`)."""

from django.core.management import call_command
from django.core.management.base import BaseCommand

from berdaya.jobs.services import jobs_recover_abandoned


class Command(BaseCommand):
    help = "Pekerja latar: memulihkan pekerjaan yang ditinggal pekerja sebelumnya, lalu menjalankan antrean."

    def add_arguments(self, parser):
        parser.add_argument("worker_args", nargs="*", help="Diteruskan ke db_worker, mis. -- --interval 1")

    def handle(self, *args, worker_args=(), **options):
        recovered = jobs_recover_abandoned()
        if recovered:
            self.stdout.write(f"{len(recovered)} pekerjaan yang ditinggal pekerja sebelumnya ditandai gagal.")
        call_command("db_worker", *worker_args)
