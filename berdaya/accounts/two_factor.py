"""Two-factor login (TOTP with recovery codes) for the administrator and every role that sees unmasked
NIKs (accounts.roles.PERSONAL_DATA_ROLES and LABOUR_DATA_ROLES; domain.md R45).

The flow: the password form (views.LoginView) signs the user in and, when their role needs a second
factor, marks the session "pending". Until the pending session proves a code, ``TwoFactorMiddleware`` sends
every request to the code page, or to the enrolment page on the first login (scan the QR code with any
authenticator app, type a code, keep the ten recovery codes shown once). Devices are django-otp's
(TOTPDevice, StaticDevice for the recovery codes), which also throttle wrong codes.

``BERDAYA_TWO_FACTOR`` (default on; off under the test runner so browser tests of other features log in
with a password) switches the requirement. A session made without the password form (Django's test
``force_login``) is never pending: the second factor belongs to the login flow, and any new login path
must call ``begin(request, user)``.
"""

from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.db import transaction
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django_otp import login as otp_login
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from berdaya.audit.models import Action
from berdaya.audit.services import audit_log

from .roles import LABOUR_DATA_ROLES, PERSONAL_DATA_ROLES, Role

PENDING = "berdaya_2fa_pending"
NEXT = "berdaya_2fa_next"
RECOVERY_CODES = 10


def required_for(user) -> bool:
    if not getattr(settings, "BERDAYA_TWO_FACTOR", True):
        return False
    return user.is_authenticated and (
        user.role == Role.ADMIN or user.role in PERSONAL_DATA_ROLES | LABOUR_DATA_ROLES
    )


def enrolled(user) -> bool:
    return TOTPDevice.objects.filter(user=user, confirmed=True).exists()


def begin(request, user, next_url: str = "") -> str | None:
    """After the password: the URL of the second step if this user needs one (the session is then pending)."""
    if not required_for(user):
        return None
    request.session[PENDING] = True
    if next_url and url_has_allowed_host_and_scheme(next_url, allowed_hosts={request.get_host()}):
        request.session[NEXT] = next_url
    return reverse("accounts:two_factor_verify" if enrolled(user) else "accounts:two_factor_setup")


def _finish(request, device):
    otp_login(request, device)
    request.session.pop(PENDING, None)
    return redirect(request.session.pop(NEXT, "") or settings.LOGIN_REDIRECT_URL)


class TwoFactorMiddleware:
    """A pending session reaches only the second-step pages, logout, static files and the language switch."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated and request.session.get(PENDING):
            allowed = {
                reverse("accounts:two_factor_verify"),
                reverse("accounts:two_factor_setup"),
                reverse("accounts:logout"),
                reverse("set_language"),
            }
            if request.path not in allowed and not request.path.startswith(settings.STATIC_URL):
                target = "accounts:two_factor_verify" if enrolled(user) else "accounts:two_factor_setup"
                return redirect(target)
        return self.get_response(request)


def _code(request) -> str:
    return "".join(request.POST.get("code", "").split()).lower()


def verify(request):
    """The second step: a 6-digit code from the app, or one recovery code (each works once)."""
    user = request.user
    if not request.session.get(PENDING):
        return redirect(settings.LOGIN_REDIRECT_URL)
    if not enrolled(user):
        return redirect("accounts:two_factor_setup")
    error = ""
    if request.method == "POST":
        code = _code(request)
        device = None
        for totp in TOTPDevice.objects.filter(user=user, confirmed=True):
            if code.isdigit() and totp.verify_is_allowed()[0] and totp.verify_token(code):
                device = totp
                break
        if device is None:
            for static in StaticDevice.objects.filter(user=user, confirmed=True):
                if static.verify_is_allowed()[0] and static.verify_token(code):
                    device = static
                    left = static.token_set.count()
                    note = _("Masuk dengan kode pemulihan")
                    audit_log(actor=user, action=Action.LOGIN, obj=user, note=note)
                    messages.warning(
                        request,
                        _("Anda masuk dengan kode pemulihan; tersisa %(n)s kode.") % {"n": left},
                    )
                    break
        if device is not None:
            return _finish(request, device)
        error = _("Kode tidak cocok atau sudah dipakai. Periksa jam di ponsel Anda, lalu coba lagi.")
    return render(request, "accounts/two_factor_verify.html", {"error": error})


@transaction.atomic
def two_factor_enrol(*, user, device: TOTPDevice) -> list[str]:
    """Confirm the authenticator and issue fresh recovery codes (the old ones stop working)."""
    device.confirmed = True
    device.save(update_fields=["confirmed"])
    TOTPDevice.objects.filter(user=user).exclude(pk=device.pk).delete()
    StaticDevice.objects.filter(user=user).delete()
    static = StaticDevice.objects.create(user=user, name="kode pemulihan", confirmed=True)
    codes = [StaticToken.random_token() for _i in range(RECOVERY_CODES)]
    StaticToken.objects.bulk_create([StaticToken(device=static, token=code) for code in codes])
    audit_log(actor=user, action=Action.UPDATE, obj=user, note=_("Verifikasi dua langkah dipasang"))
    return codes


@transaction.atomic
def two_factor_reset(*, actor, user, reason: str = "") -> None:
    """An administrator removes a user's authenticator (lost phone): enrolment starts again at next login."""
    TOTPDevice.objects.filter(user=user).delete()
    StaticDevice.objects.filter(user=user).delete()
    note = _("Verifikasi dua langkah diatur ulang")
    audit_log(actor=actor, action=Action.UPDATE, obj=user, note=f"{note}: {reason}" if reason else note)


def own_code_valid(user, code: str) -> bool:
    """Step-up check: ``code`` is a current code of ``user``'s own authenticator (never a recovery code)."""
    code = "".join(code.split())
    return code.isdigit() and any(
        device.verify_is_allowed()[0] and device.verify_token(code)
        for device in TOTPDevice.objects.filter(user=user, confirmed=True)
    )


def reset_page(request, pk: int):
    """The administrator resets another user's second factor: confirmed with a reason and a fresh code from
    the administrator's own authenticator (so a stolen admin session alone cannot do it), audited."""
    from django.core.exceptions import PermissionDenied
    from django.shortcuts import get_object_or_404

    from .forms import TwoFactorResetForm
    from .models import User

    if request.user.role != Role.ADMIN:
        raise PermissionDenied
    staff = get_object_or_404(User, pk=pk)
    if staff.pk == request.user.pk:
        messages.error(
            request, _("Verifikasi dua langkah Anda sendiri diatur ulang oleh administrator lain.")
        )
        return redirect("accounts:user_edit", pk=staff.pk)
    admin_enrolled = enrolled(request.user)
    form = TwoFactorResetForm(request.POST or None, admin=request.user)
    if request.method == "POST" and admin_enrolled and form.is_valid():
        two_factor_reset(actor=request.user, user=staff, reason=form.cleaned_data["reason"])
        messages.success(
            request,
            _("Verifikasi dua langkah %(name)s diatur ulang: ia memasangnya lagi saat masuk berikutnya.")
            % {"name": staff},
        )
        return redirect("accounts:user_edit", pk=staff.pk)
    context = {
        "nav": "users",
        "staff": staff,
        "form": form,
        "admin_enrolled": admin_enrolled,
        "target_enrolled": enrolled(staff),
    }
    return render(request, "accounts/two_factor_reset.html", context)


def setup(request):
    """First login of a role that needs a second factor: scan, confirm with one code, keep recovery codes."""
    import segno

    user = request.user
    if not request.session.get(PENDING) and enrolled(user):
        return redirect(settings.LOGIN_REDIRECT_URL)
    if request.session.get(PENDING) and enrolled(user):
        return redirect("accounts:two_factor_verify")
    device = TOTPDevice.objects.filter(user=user, confirmed=False).first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name="aplikasi autentikator", confirmed=False)
    error = ""
    if request.method == "POST":
        code = _code(request)
        if code.isdigit() and device.verify_token(code):
            codes = two_factor_enrol(user=user, device=device)
            otp_login(request, device)
            request.session.pop(PENDING, None)
            next_url = request.session.pop(NEXT, "") or reverse(settings.LOGIN_REDIRECT_URL)
            return render(request, "accounts/two_factor_codes.html", {"codes": codes, "next_url": next_url})
        error = _("Kode tidak cocok. Pastikan jam ponsel tepat, lalu ketik kode yang sedang tampil.")
    from base64 import b32encode

    secret = b32encode(device.bin_key).decode()
    qr = segno.make(device.config_url, error="m").svg_inline(scale=4, title=_("Kode QR autentikator"))
    grouped = " ".join(secret[i : i + 4] for i in range(0, len(secret), 4))
    context = {"qr": qr, "secret": grouped, "error": error}
    return render(request, "accounts/two_factor_setup.html", context)
