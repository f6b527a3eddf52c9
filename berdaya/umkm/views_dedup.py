"""Likely duplicate enterprises: review open pairs (merge / not a duplicate), run a scan, undo a merge."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from berdaya.accounts.access import can_edit_model, get_for_user, scoped
from berdaya.jobs.models import Job
from berdaya.jobs.services import job_start
from berdaya.lib.masking import mask_nik, mask_phone

from . import merging
from .dedup import JOB_KIND, explain_pairs
from .models import DuplicatePair, Enterprise, EnterpriseMerge, PairStatus

PAGE_SIZE = 20


def _side(enterprise: Enterprise, personal: bool) -> dict:
    owner = enterprise.owner
    return {
        "e": enterprise,
        "nik": owner.nik if personal else mask_nik(owner.nik),
        "phone": (enterprise.phone or owner.phone)
        if personal
        else mask_phone(enterprise.phone or owner.phone),
        "address": enterprise.address or owner.address,
    }


def _scan_state(user) -> dict:
    job = Job.objects.filter(kind=JOB_KIND, created_by=user).first()
    if job is None:
        return {"job": None, "last_scan": None}
    return {"job": None if job.finished else job, "last_scan": job if job.finished else None}


def dedup_list(request):
    pairs = scoped(
        DuplicatePair.objects.filter(
            status=PairStatus.OPEN, a__merged_into__isnull=True, b__merged_into__isnull=True
        ).select_related("a__owner", "a__kelurahan", "a__sector", "b__owner", "b__kelurahan", "b__sector"),
        request.user,
    )
    page = Paginator(pairs, PAGE_SIZE).get_page(request.GET.get("page"))
    personal = request.user.sees_personal_data
    explanations = explain_pairs(page.object_list)
    context = {
        "nav": "umkm",
        "page_obj": page,
        "rows": [
            {
                "pair": p,
                "left": _side(p.a, personal),
                "right": _side(p.b, personal),
                "explanation": explanations.get(p.pk),
            }
            for p in page
        ],
        "can_edit": can_edit_model(request.user, DuplicatePair),
        # A running scan shows its progress; a finished one only its time: its "pairs found" would
        # disagree with the pairs still waiting once some are decided.
        **_scan_state(request.user),
    }
    return render(request, "umkm/dedup_list.html", context)


@require_POST
def dedup_scan(request):
    if not can_edit_model(request.user, DuplicatePair):
        raise PermissionDenied
    job = job_start(actor=request.user, kind=JOB_KIND, label=_("Pindai data ganda usaha mikro"))
    if request.headers.get("HX-Request"):
        return render(request, "partials/_job_progress.html", {"job": job})
    messages.success(request, _("Pemindaian dimulai; hasilnya muncul di sini setelah selesai."))
    return redirect("umkm:dedup_list")


@require_POST
def dedup_merge(request, pk):
    pair = get_for_user(request.user, DuplicatePair.objects.select_related("a", "b"), pk, for_edit=True)
    side = request.POST.get("keep")
    if side not in {"a", "b"}:
        raise PermissionDenied
    keep_pk, merge_pk = (pair.a_id, pair.b_id) if side == "a" else (pair.b_id, pair.a_id)
    keep = get_for_user(request.user, Enterprise, keep_pk, for_edit=True)
    merge = get_for_user(request.user, Enterprise, merge_pk, for_edit=True)
    try:
        record = merging.enterprise_merge(actor=request.user, keep=keep, merge=merge)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        skipped = sum(len(ids) for ids in record.moved.get("skipped", {}).values())
        text = _("%(merged)s digabung ke %(keep)s.") % {"merged": merge.name, "keep": keep.name}
        if skipped:
            text += " " + _("%(n)s data bentrok (tanggal/tahun sama) tetap di usaha asal.") % {"n": skipped}
        messages.success(request, text)
    return redirect("umkm:dedup_list")


@require_POST
def dedup_not_duplicate(request, pk):
    pair = get_for_user(request.user, DuplicatePair.objects.select_related("a", "b"), pk, for_edit=True)
    try:
        merging.pair_mark_not_duplicate(actor=request.user, pair=pair)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(
            request, _("%(a)s dan %(b)s ditandai bukan duplikat.") % {"a": pair.a.name, "b": pair.b.name}
        )
    return redirect("umkm:dedup_list")


def merge_list(request):
    merges = scoped(
        EnterpriseMerge.objects.select_related("keep", "merged", "actor", "undone_by"), request.user
    )
    page = Paginator(merges, PAGE_SIZE).get_page(request.GET.get("page"))
    rows = []
    for merge in page:
        moved = sum(len(ids) for kind, ids in merge.moved.items() if kind not in {"skipped", "pair"})
        skipped = sum(len(ids) for ids in merge.moved.get("skipped", {}).values())
        rows.append({"m": merge, "moved": moved, "skipped": skipped, "filled": sorted(merge.filled)})
    context = {
        "nav": "umkm",
        "page_obj": page,
        "rows": rows,
        "can_edit": can_edit_model(request.user, EnterpriseMerge),
    }
    return render(request, "umkm/dedup_merges.html", context)


@require_POST
def merge_undo(request, pk):
    record = get_for_user(request.user, EnterpriseMerge, pk, for_edit=True)
    try:
        merging.enterprise_unmerge(actor=request.user, merge_record=record)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("Penggabungan dibatalkan; kedua usaha kembali terpisah."))
    return redirect("umkm:merge_list")
