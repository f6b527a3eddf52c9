"""Password rules beyond Django's: a local word with digits or symbols around it is refused.

Django's CommonPasswordValidator knows 20,000 English-language leaks; "Banjarmasin1" is not among them but is
the first thing a guesser tries here. A password that is one word of LOCAL_WORDS (the city, the province,
the office, common Indonesian password words) once digits and symbols are stripped from its ends is refused.
"""

from __future__ import annotations

import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

LOCAL_WORDS = frozenset(
    """
    banjarmasin banjarbaru banjar martapura kalsel kalimantan kalimantanselatan borneo barito kayutangi
    indonesia merdeka garuda pancasila nusantara jakarta surabaya bandung
    dinas diskopukmnaker koperasi ukm umkm naker tenagakerja pemkot pemerintah kantor berdaya
    admin administrator
    sandi katasandi rahasia password passw0rd bismillah alhamdulillah assalamualaikum insyaallah
    sayang cinta kasih rindu sahabat keluarga bunda ayah ibu bapak
    selamat pagi siang malam senin selasa rabu kamis jumat sabtu minggu
    januari februari maret april mei juni juli agustus september oktober november desember
    qwerty asdfgh zxcvbn abcdef
    """.split()
)
_ENDS = re.compile(r"^[\W\d_]+|[\W\d_]+$")
_LEET = str.maketrans({"0": "o", "1": "i", "3": "e", "4": "a", "5": "s", "7": "t", "@": "a", "$": "s"})


def core_word(password: str) -> str:
    """ "Banjarmasin2024!" -> "banjarmasin"; "K0perasi#1" -> "koperasi" (digits for letters read back)."""
    lowered = password.lower()
    stripped = _ENDS.sub("", lowered)
    return (stripped or lowered).translate(_LEET).replace(" ", "")


class LocalWordValidator:
    def validate(self, password, user=None):
        if core_word(password) in LOCAL_WORDS or _ENDS.sub("", password.lower()) in LOCAL_WORDS:
            raise ValidationError(
                _(
                    "Kata sandi ini terlalu mudah ditebak: satu kata umum dengan angka atau tanda. "
                    "Pakai beberapa kata."
                ),
                code="password_local_word",
            )

    def get_help_text(self):
        return _("Bukan satu kata umum (nama kota, kantor, hari) dengan angka di belakangnya.")
