"""Static files in production: whitenoise's compressed manifest storage, with each URL worked out once.

``{% static %}`` resolves a name through the manifest (unquoting, splitting and normalising the path, then
joining the URL) on every use; base.html alone uses it for each menu icon, so on a light page it was close to
a tenth of the time (issue 17, load). The manifest cannot change while a process runs (collectstatic, then
a restart), so each name's URL is kept after its first use."""

from __future__ import annotations

from whitenoise.storage import CompressedManifestStaticFilesStorage


class ManifestStorage(CompressedManifestStaticFilesStorage):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._urls: dict[str, str] = {}

    def url(self, name, force=False):
        if force:
            return super().url(name, force)
        try:
            return self._urls[name]
        except KeyError:
            url = self._urls[name] = super().url(name)
            return url
