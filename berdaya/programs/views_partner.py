"""The voucher partner's pages (domain.md R33): look a code up, check the recipient, redeem once, claim.

A partner (role ``mitra``) sees no registry: only the masked name of the voucher's recipient, and the
vouchers they redeemed themselves. Reached through services and selectors, never a registry query."""

from __future__ import annotations

from functools import wraps

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from berdaya.accounts.roles import Role
from berdaya.lib.masking import mask_name

from . import selectors, services
from .forms import RedeemForm, RedeemLookupForm

NAV = "programs"


def partner_only(view):
    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if request.user.role not in (Role.MITRA, Role.ADMIN):
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return wrapper


@partner_only
def partner_home(request):
    """Step 1: the code (typed or scanned). Step 2: the masked name and the recipient check."""
    lookup = RedeemLookupForm(request.POST or None)
    context = {"nav": NAV, "lookup": lookup, "voucher": None}
    if request.method == "POST" and lookup.is_valid():
        try:
            voucher = services.voucher_lookup(lookup.cleaned_data["code"])
        except ValidationError as error:
            lookup.add_error("code", error)
        else:
            context |= {
                "voucher": voucher,
                "masked_name": mask_name(voucher.application.person.name),
                "form": RedeemForm(initial={"code": lookup.cleaned_data["code"]}),
            }
    return render(request, "programs/partner_home.html", context)


@require_POST
@partner_only
def partner_redeem(request):
    form = RedeemForm(request.POST)
    if form.is_valid():
        try:
            voucher = services.voucher_redeem(partner=request.user, **form.cleaned_data)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(
                request,
                _("Voucher %(program)s berhasil ditukarkan.") % {"program": voucher.application.program.name},
            )
            return redirect("programs:partner_vouchers")
    return redirect("programs:partner")


@partner_only
def partner_vouchers(request):
    vouchers = selectors.partner_vouchers(request.user)
    if request.method == "POST":
        try:
            claim = services.claim_create(
                partner=request.user, voucher_ids=[int(i) for i in request.POST.getlist("ids") if i.isdigit()]
            )
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(
                request, _("Klaim %(n)s diajukan: Rp %(total)s.") % {"n": claim.pk, "total": claim.total}
            )
        return redirect("programs:partner_vouchers")
    return render(request, "programs/partner_vouchers.html", {"nav": NAV, "vouchers": vouchers[:500]})
