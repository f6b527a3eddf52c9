from berdaya.companies.services import company_register
from berdaya.regions.models import Region


def make_company(*, actor, kelurahan="63.71.01.1001", **fields):
    """A company registered through the service, as staff would (audit row included)."""
    data = {
        "name": "PT Galuh Sasirangan Makmur",
        "kelurahan": Region.objects.get(code=kelurahan) if kelurahan else None,
    } | fields
    return company_register(actor=actor, data=data)
