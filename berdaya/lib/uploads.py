"""Uploaded files (KTP scans, RAT minutes, visit photos, evidence) served through an access check.

Uploads are never public URLs: the default storage's ``url()`` points at :func:`serve`, which finds the
record that owns the file, asks the same scoped access as the record's own page (accounts/access.py), logs
nothing extra (reading a file is reading its record) and then hands the file over:

- ``BERDAYA_SENDFILE = ""`` (default, ``./dev up`` and plain gunicorn): Django streams it (FileResponse).
- ``BERDAYA_SENDFILE = "x-accel-redirect"`` (nginx): an empty response with ``X-Accel-Redirect`` pointing at
  ``BERDAYA_SENDFILE_PREFIX`` + the file's name; nginx serves it from an ``internal`` location.
- ``BERDAYA_SENDFILE = "x-sendfile"`` (Apache mod_xsendfile, Caddy, lighttpd): ``X-Sendfile`` with the path.

A file no record owns, or whose record the user may not read, is a 404 (not 403: its existence is not told).
"""

from __future__ import annotations

import mimetypes
import posixpath
from urllib.parse import quote

from django.apps import apps
from django.conf import settings
from django.core.files.storage import FileSystemStorage
from django.db import models
from django.http import FileResponse, Http404, HttpResponse
from django.urls import reverse
from django.utils.deconstruct import deconstructible

from berdaya.accounts.access import is_registry_model, scoped
from berdaya.accounts.roles import AUDIT_READER_ROLES

# Files shown in the browser; anything else downloads (an uploaded HTML page must never run as our page).
INLINE_TYPES = frozenset({"image/jpeg", "image/png", "image/webp", "image/gif", "application/pdf"})


@deconstructible
class ProtectedStorage(FileSystemStorage):
    """The default storage: files live under MEDIA_ROOT; their URL is the access-checked view."""

    def url(self, name):
        if name is None:
            raise ValueError("This file is not accessible via a URL.")
        return reverse("upload", kwargs={"name": name.replace("\\", "/")})


def _static_prefix(upload_to) -> str | None:
    if callable(upload_to):
        return None
    return str(upload_to).split("%", 1)[0]


def _file_fields():
    for model in apps.get_models():
        for field in model._meta.get_fields():
            if isinstance(field, models.FileField):
                yield model, field


def _owner_readable(user, model, obj) -> bool:
    """Records that belong to whoever made them (a job's result, an import's file): theirs, and the trail
    readers'."""
    return user.role in AUDIT_READER_ROLES or getattr(obj, "created_by_id", None) == user.pk


# Models that are not registries but own files, and who may read them.
OWNED_BY_CREATOR = frozenset({"jobs.job", "imports.importrun"})


def may_read_file(user, name: str) -> bool:
    """Does a record this user may read own the stored file ``name``?"""
    if not user.is_authenticated or not user.is_active:
        return False
    for model, field in _file_fields():
        prefix = _static_prefix(field.upload_to)
        if prefix is not None and not name.startswith(prefix):
            continue
        owners = model._base_manager.filter(**{field.name: name})
        if is_registry_model(model):
            if scoped(owners, user).exists():
                return True
        elif model._meta.label_lower in OWNED_BY_CREATOR:
            if any(_owner_readable(user, model, obj) for obj in owners[:10]):
                return True
    return False


def _clean(name: str) -> str:
    normal = posixpath.normpath(name)
    if normal.startswith(("/", "..")) or "/../" in f"/{normal}/" or "\x00" in normal:
        raise Http404
    return normal


def serve(request, name: str):
    name = _clean(name)
    if not may_read_file(request.user, name):
        raise Http404
    storage = ProtectedStorage()
    if not storage.exists(name):
        raise Http404
    content_type = mimetypes.guess_type(name)[0] or "application/octet-stream"
    filename = posixpath.basename(name)
    inline = content_type in INLINE_TYPES
    mode = getattr(settings, "BERDAYA_SENDFILE", "")
    if mode:
        response = HttpResponse(content_type=content_type)
        if mode == "x-accel-redirect":
            prefix = getattr(settings, "BERDAYA_SENDFILE_PREFIX", "/_berkas/")
            response["X-Accel-Redirect"] = prefix.rstrip("/") + "/" + quote(name)
        else:
            response["X-Sendfile"] = storage.path(name)
        disposition = "inline" if inline else "attachment"
        response["Content-Disposition"] = f"{disposition}; filename*=UTF-8''{quote(filename)}"
    else:
        response = FileResponse(
            storage.open(name, "rb"), as_attachment=not inline, filename=filename, content_type=content_type
        )
    # Personal documents: never kept by shared caches or the browser's back-forward cache.
    response["Cache-Control"] = "private, no-store"
    response["X-Content-Type-Options"] = "nosniff"
    return response
