import pytest
from django.test import Client

from berdaya.api.models import Scope
from berdaya.api.services import token_issue


class ApiClient:
    """The test client with a bearer token on every request."""

    def __init__(self, raw: str):
        self.client = Client()
        self.headers = {"Authorization": f"Bearer {raw}"}

    def get(self, path, data=None):
        return self.client.get(path, data, headers=self.headers)

    def post(self, path, payload):
        return self.client.post(path, payload, content_type="application/json", headers=self.headers)


def issue(*, actor, user, scopes=tuple(Scope.values), **fields):
    token, raw = token_issue(
        actor=actor, name=fields.pop("name", "Bank Kalsel"), user=user, scopes=list(scopes), **fields
    )
    return token, ApiClient(raw)


@pytest.fixture
def bank(cast):
    """A partner acting as the inspectorate's account: reads everything, sees personal data masked."""
    return issue(actor=cast.admin, user=cast.inspektur)
