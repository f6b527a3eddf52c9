"""Deployment checks (`berdaya check --deploy`)."""

from django.conf import settings
from django.core.checks import Tags, Warning, register


@register(Tags.security, deploy=True)
def client_address_header(app_configs, **kwargs):
    """Behind a reverse proxy (SECURE_PROXY_SSL_HEADER says there is one) every request comes from the
    proxy's address unless BERDAYA_CLIENT_IP_HEADER names the header that carries the client's: login
    throttling (accounts/throttle.py) then counts the proxy, not the guesser."""
    if getattr(settings, "SECURE_PROXY_SSL_HEADER", None) and not settings.BERDAYA_CLIENT_IP_HEADER:
        return [
            Warning(
                "Behind a reverse proxy but BERDAYA_CLIENT_IP_HEADER is not set: login throttling sees "
                "every client as the proxy.",
                hint="Set BERDAYA_CLIENT_IP_HEADER=HTTP_X_FORWARDED_FOR (the header your proxy sets).",
                id="berdaya.W001",
            )
        ]
    return []
