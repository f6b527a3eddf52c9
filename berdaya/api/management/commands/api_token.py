"""berdaya api_token issue --name "Bank Kalsel" --user bank_kalsel --scopes umkm:read,program:read
berdaya api_token revoke PREFIX
berdaya api_token list"""

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from berdaya.accounts.models import User
from berdaya.api import services
from berdaya.api.models import ApiToken, Scope


class Command(BaseCommand):
    help = "Buat, cabut atau tampilkan token API sistem mitra."

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="action", required=True)
        issue = sub.add_parser("issue", help="buat token baru (ditampilkan sekali)")
        issue.add_argument("--name", required=True)
        issue.add_argument("--user", required=True, help="nama pengguna akun yang diwakili token")
        issue.add_argument("--scopes", required=True, help="dipisah koma: " + ", ".join(Scope.values))
        issue.add_argument("--rate", type=int, default=60, help="panggilan per menit")
        revoke = sub.add_parser("revoke", help="cabut token")
        revoke.add_argument("prefix")
        sub.add_parser("list", help="daftar token")

    def handle(self, *args, action, **options):
        if action == "issue":
            user = User.objects.filter(username=options["user"]).first()
            if user is None:
                raise CommandError(f"Pengguna {options['user']!r} tidak ditemukan.")
            scopes = [s.strip() for s in options["scopes"].split(",") if s.strip()]
            try:
                token, raw = services.token_issue(
                    actor=None,
                    name=options["name"],
                    user=user,
                    scopes=scopes,
                    rate_per_minute=options["rate"],
                )
            except ValidationError as error:
                raise CommandError(" ".join(error.messages)) from None
            self.stdout.write(f"Token untuk {token.name} (simpan sekarang, tidak ditampilkan lagi):\n{raw}")
        elif action == "revoke":
            token = ApiToken.objects.filter(
                prefix=options["prefix"].removeprefix(services.PREFIX)[:8]
            ).first()
            if token is None:
                raise CommandError("Token dengan awalan itu tidak ditemukan.")
            services.token_revoke(actor=None, token=token)
            self.stdout.write(f"Token {token} dicabut.")
        else:
            for token in ApiToken.objects.select_related("user"):
                state = "dicabut" if token.revoked_at else "berlaku"
                self.stdout.write(
                    f"{token.prefix}\t{token.name}\t{token.user.username}\t{','.join(token.scopes)}\t{state}"
                )
