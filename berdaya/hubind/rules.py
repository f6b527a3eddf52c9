"""The legal time limits of disputes and PP/PKB cases, in working days (R43, R43a, R41a), each with the
article that sets it. Pure data: services start deadlines from these."""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class Limit:
    kind: str
    label: object
    days: int
    article: str


ROUTE_CHOICE = Limit(
    "route_choice", _("Pilihan penyelesaian (lewat batas: mediasi)"), 7, "UU 2/2004 Pasal 4 ayat (4)"
)
FIRST_HEARING = Limit(
    "first_hearing", _("Sidang mediasi pertama"), 7, "UU 2/2004 Pasal 10; Permenakertrans 17/2014"
)
MEDIATION_TOTAL = Limit(
    "mediation_total", _("Penyelesaian mediasi"), 30, "UU 2/2004 Pasal 15; Permenakertrans 17/2014 Pasal 15"
)
RECOMMENDATION = Limit("recommendation", _("Anjuran tertulis"), 10, "UU 2/2004 Pasal 13 ayat (2) huruf a")
ANSWERS = Limit(
    "answers",
    _("Jawaban para pihak atas anjuran (diam = menolak)"),
    10,
    "UU 2/2004 Pasal 13 ayat (2) huruf b-c",
)
JOINT_AGREEMENT = Limit(
    "joint_agreement", _("Penyusunan perjanjian bersama"), 3, "UU 2/2004 Pasal 13 ayat (2) huruf d"
)
CONCILIATION = Limit("conciliation_total", _("Penyelesaian konsiliasi"), 30, "UU 2/2004 Pasal 25")
ARBITRATION = Limit("arbitration_total", _("Putusan arbitrase"), 30, "UU 2/2004 Pasal 40 ayat (1)")
ARBITRATION_EXTENSION = 14  # once, UU 2/2004 Pasal 40 ayat (3)
PP_DECISION = Limit(
    "pp_decision",
    _("Pengesahan PP / pendaftaran PKB"),
    30,
    "Permenaker 28/2014 Pasal 8 (R41a, untuk dikonfirmasi)",
)
