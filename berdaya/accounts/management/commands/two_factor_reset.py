"""berdaya two_factor_reset USERNAME: remove a lost authenticator; the user enrols again at login."""

from django.core.management.base import BaseCommand, CommandError

from berdaya.accounts.models import User
from berdaya.accounts.two_factor import two_factor_reset


class Command(BaseCommand):
    help = "Mengatur ulang verifikasi dua langkah seorang pengguna (ponsel hilang)."

    def add_arguments(self, parser):
        parser.add_argument("username")

    def handle(self, *args, username, **options):
        try:
            user = User.objects.get(username=username)
        except User.DoesNotExist:
            raise CommandError(f"Pengguna '{username}' tidak ada.") from None
        two_factor_reset(actor=None, user=user)
        self.stdout.write(
            f"Verifikasi dua langkah {username} diatur ulang: pasang lagi saat masuk berikutnya."
        )
