"""The local products catalogue (R44, R53): only consented listings, hidden at once on withdrawal."""

from django.urls import reverse
from django.utils import timezone

from berdaya.portal import selectors, services
from berdaya.privacy.models import Channel, Consent, Purpose
from berdaya.privacy.selectors import has_consent
from berdaya.umkm.models import Product
from berdaya.umkm.services import enterprise_status_change
from berdaya.umkm.tests.conftest import make_enterprise

from .conftest import BUSINESS_PHONE


def test_a_business_without_consent_is_not_listed(client, shop):
    # R44/R53: registered is not enough; the owner must have agreed.
    response = client.get(reverse("portal:catalogue"))
    assert response.status_code == 200
    assert "Sasirangan Galuh" not in response.text
    product = Product.objects.get(enterprise=shop)
    assert client.get(reverse("portal:product", args=[product.pk])).status_code == 404


def test_a_consented_business_shows_with_its_products_and_public_contact(client, listed):
    response = client.get(reverse("portal:catalogue"))
    assert "Sasirangan Galuh" in response.text
    assert "Kain sasirangan 2 m" in response.text
    page = client.get(reverse("portal:listing", args=[listed.pk])).text
    assert f"https://wa.me/{BUSINESS_PHONE[1:]}" in page
    assert f"tel:{BUSINESS_PHONE}" in page


def test_the_consent_is_privacys_record_with_who_when_which_text_and_channel(listed, owner, cast):
    # R44: who, when, text version, channel, stored by berdaya.privacy.
    consent = Consent.objects.get(enterprise=listed.enterprise, purpose=Purpose.CATALOGUE)
    assert consent.giver_name == owner.name
    assert consent.given_at is not None and consent.text_version
    assert consent.channel == Channel.IN_PERSON and consent.given_by == cast.umkm
    assert has_consent(Purpose.PHOTOS, enterprise=listed.enterprise)


def test_withdrawing_consent_hides_the_listing_and_its_products_at_once(client, cast, listed):
    # R53: "disappears when it is withdrawn".
    product = Product.objects.get(enterprise=listed.enterprise)
    assert client.get(reverse("portal:product", args=[product.pk])).status_code == 200
    services.listing_withdraw(actor=cast.umkm, listing=listed, channel=Channel.PHONE)
    assert client.get(reverse("portal:listing", args=[listed.pk])).status_code == 404
    assert client.get(reverse("portal:product", args=[product.pk])).status_code == 404
    assert "Sasirangan Galuh" not in client.get(reverse("portal:catalogue")).text


def test_a_closed_business_leaves_the_catalogue(client, cast, listed):
    enterprise_status_change(
        actor=cast.umkm,
        enterprise=listed.enterprise,
        status="tutup",
        on=timezone.localdate(),
        reason="Modal habis",
    )
    assert selectors.listing(listed.pk) is None


def test_withdrawing_through_privacy_directly_also_hides_the_listing(cast, listed):
    # Whoever records the withdrawal (the privacy pages, an R47 request), the catalogue follows the consent.
    from berdaya.privacy.services import consent_withdraw

    consent_withdraw(
        actor=cast.umkm, purpose=Purpose.CATALOGUE, channel=Channel.PHONE, enterprise=listed.enterprise
    )
    assert selectors.listing(listed.pk) is None


def test_agreeing_again_shows_the_same_listing_again(cast, listed):
    services.listing_withdraw(actor=cast.umkm, listing=listed, channel=Channel.PHONE)
    again = services.listing_publish(actor=cast.umkm, enterprise=listed.enterprise, channel=Channel.PAPER)
    assert again.pk == listed.pk and selectors.listing(listed.pk) is not None


def test_photos_need_their_own_consent(client, cast, shop, settings, tmp_path):
    # R44: "photos in a public catalogue" need a stored consent.
    from django.core.files.base import ContentFile

    from berdaya.umkm.services import product_record

    settings.MEDIA_ROOT = tmp_path
    product = Product.objects.get(enterprise=shop)
    product_record(
        actor=cast.umkm, enterprise=shop, product=product, data={"photo": ContentFile(b"img", name="a.jpg")}
    )
    services.listing_publish(actor=cast.umkm, enterprise=shop, channel=Channel.PAPER, photos=False)
    assert client.get(reverse("portal:product", args=[product.pk])).status_code == 200
    assert client.get(reverse("portal:product_photo", args=[product.pk])).status_code == 404


def test_search_and_filters_by_sector_and_kecamatan(client, cast, listed):
    other = make_enterprise(
        actor=cast.umkm, name="Warung Amplang Acil", sector="kuliner", kelurahan="63.71.02.1001"
    )
    services.listing_publish(actor=cast.umkm, enterprise=other, channel=Channel.PAPER)
    url = reverse("portal:catalogue")
    assert "Warung Amplang Acil" not in client.get(url, {"q": "sasirangan"}).text
    assert "Sasirangan Galuh" in client.get(url, {"q": "kain"}).text  # a product's name finds the business
    kriya = client.get(url, {"sektor": "kriya"}).text
    assert "Sasirangan Galuh" in kriya and "Warung Amplang Acil" not in kriya
    kecamatan = client.get(url, {"kecamatan": "63.71.02"}).text
    assert "Warung Amplang Acil" in kecamatan and "Sasirangan Galuh" not in kecamatan


def test_htmx_gets_only_the_results(client, listed):
    response = client.get(reverse("portal:catalogue"), {"q": "kain"}, headers={"HX-Request": "true"})
    assert "<html" not in response.text and "Sasirangan Galuh" in response.text


def test_a_product_page_shares_well_with_open_graph_tags(client, listed):
    product = Product.objects.get(enterprise=listed.enterprise)
    page = client.get(reverse("portal:product", args=[product.pk])).text
    assert '<meta property="og:title" content="Kain sasirangan 2 m – Sasirangan Galuh">' in page
    assert 'property="og:description" content="Rp150.000' in page or 'content="Rp150,000' in page
    assert 'property="og:url"' in page


def test_a_photo_is_served_only_for_a_listed_product(client, cast, listed, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    from django.core.files.base import ContentFile

    product = Product.objects.get(enterprise=listed.enterprise)
    from berdaya.umkm.services import product_record

    product_record(
        actor=cast.umkm,
        enterprise=listed.enterprise,
        product=product,
        data={"photo": ContentFile(b"\xff\xd8\xff\xe0fake-jpeg", name="kain.jpg")},
    )
    assert client.get(reverse("portal:product_photo", args=[product.pk])).status_code == 200
    services.listing_withdraw(actor=cast.umkm, listing=listed, channel=Channel.PHONE)
    assert client.get(reverse("portal:product_photo", args=[product.pk])).status_code == 404
