"""Demo catalogue (./dev up): owners who agreed to be listed, with products and simple product pictures, two
cooperatives, one withdrawn consent (hidden), a few portal submissions in the staff queue (an AK/1
pre-registration among them) and one one-time link in the outbox.
Idempotent: nothing is added once the demo listings exist.
"""

from __future__ import annotations

import io
import random
from decimal import Decimal

from django.core.files.base import ContentFile
from django.db import transaction

from berdaya.koperasi.models import Cooperative
from berdaya.privacy.models import Channel
from berdaya.umkm.models import Enterprise, Product, Status
from berdaya.umkm.services import product_record

from . import services
from .models import Kind, Listing

LISTED = 24
# Products per sector (name, price) the demo businesses sell.
PRODUCTS = {
    "kuliner": [("Amplang ikan pipih 250 g", 25000), ("Kue bingka kentang", 45000), ("Wadai cincin", 15000)],
    "fashion": [("Kemeja batik sasirangan", 185000), ("Gamis motif kembang kacang", 275000)],
    "kriya-sasirangan": [
        ("Kain sasirangan 2 m", 150000),
        ("Selendang sasirangan", 95000),
        ("Masker kain", 15000),
    ],
    "kriya-purun": [("Tas purun anyaman", 65000), ("Tikar purun 1x2 m", 120000), ("Topi purun", 35000)],
    "kriya-rajut": [("Tas rajut tali", 85000), ("Dompet rajut", 40000)],
    "pertanian-perikanan": [("Ikan asin gabus 500 g", 60000), ("Lele segar 1 kg", 28000)],
}
COLOURS = [(15, 76, 69), (122, 59, 0), (19, 108, 58), (92, 41, 120), (158, 28, 28), (30, 64, 140)]


def _picture(name: str, rng: random.Random) -> ContentFile | None:
    """A small JPEG with the product's initials, standing in for the owner's photo (demo only)."""
    try:
        from PIL import Image, ImageDraw
    except ImportError:  # Pillow comes with matplotlib; without it the demo simply has no pictures
        return None
    image = Image.new("RGB", (480, 360), rng.choice(COLOURS))
    draw = ImageDraw.Draw(image)
    initials = "".join(word[0] for word in name.split()[:2]).upper()
    draw.text((40, 140), initials, fill=(255, 255, 255), font_size=96)
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=70)
    return ContentFile(buffer.getvalue(), name=f"{initials.lower() or 'produk'}.jpg")


@transaction.atomic
def populate(*, actor, seed: int) -> int:
    if Listing.objects.exists():
        return 0
    rng = random.Random(seed * 13)
    candidates = list(
        Enterprise.objects.filter(status=Status.AKTIF, sector__code__in=list(PRODUCTS))
        .exclude(kelurahan__isnull=True)
        .select_related("sector", "owner")
        .order_by("pk")[: LISTED * 3]
    )
    rng.shuffle(candidates)
    added = 0
    for index, enterprise in enumerate(candidates[:LISTED]):
        listing = services.listing_publish(
            actor=actor,
            enterprise=enterprise,
            channel=rng.choice([Channel.PAPER, Channel.IN_PERSON]),
            description=f"{enterprise.products or enterprise.sector.name}. Pesan antar di Banjarmasin.",
            public_phone=enterprise.phone,
            whatsapp=True,
            marketplace_links=[f"https://shopee.co.id/demo-{enterprise.pk}"] if index % 3 == 0 else [],
        )
        if not Product.objects.filter(enterprise=enterprise).exists():
            for name, price in rng.sample(PRODUCTS[enterprise.sector.code], k=2):
                data = {
                    "name": name,
                    "price": Decimal(price),
                    "description": f"{name} buatan {listing.display_name}.",
                }
                picture = _picture(name, rng)
                if picture is not None:
                    data["photo"] = picture
                product_record(actor=actor, enterprise=enterprise, data=data)
        added += 1
    # One owner withdrew: privacy keeps the withdrawn consent; the portal hides the listing (R53).
    if candidates[LISTED : LISTED + 1]:
        withdrawn = services.listing_publish(
            actor=actor, enterprise=candidates[LISTED], channel=Channel.IN_PERSON
        )
        services.listing_withdraw(actor=actor, listing=withdrawn, channel=Channel.PHONE)
    for cooperative in Cooperative.objects.filter(status="aktif").order_by("pk")[:2]:
        services.listing_publish(
            actor=actor,
            cooperative=cooperative,
            channel=Channel.PAPER,
            description="Simpan pinjam dan kebutuhan pokok untuk anggota.",
            public_phone=cooperative.phone,
        )
        added += 1
    services.submission_create(
        kind=Kind.COMPLAINT,
        data={
            "name": "Warga Demo",
            "phone": "+628115001234",
            "message": "Pelatihan bulan lalu belum ada sertifikat.",
        },
    )
    # A job seeker who pre-registered from home (R52: the card is made at the counter).
    services.submission_create(
        kind=Kind.JOB_SEEKER,
        data={"name": "Pencari Kerja Demo", "nik": "6371011207990001", "phone": "+628115004321"},
        answers={
            "education": "sma",
            "major": "Tata boga",
            "skills_text": "memasak, kasir",
            "preferred_kecamatan": "",
        },
    )
    # "Who used my data" (R46): one owner asked for a link to the phone on record; the demo's sender keeps
    # it in the administrator's outbox (/privasi/kotak-keluar/).
    if candidates and candidates[0].owner.phone:
        from berdaya.privacy.identity import link_send

        owner = candidates[0].owner
        link_send(nik=owner.nik, phone=owner.phone, base_url="http://127.0.0.1:8000/")
    return added
