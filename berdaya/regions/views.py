"""Browse and search the region reference list; the htmx partial behind the kelurahan picker.

Regions are public reference data, not a registry: any signed-in member of staff may read them (the login
itself is enforced by LoginRequiredMiddleware).
"""

from itertools import groupby

from django.core.paginator import Paginator
from django.db.models import Q
from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_GET

from .forms import kelurahan_options_context
from .models import Level, Region, normalize_code
from .selectors import jurisdiction_code, kecamatan_in_jurisdiction

PAGE_SIZE = 50


@require_GET
def region_list(request):
    q = request.GET.get("q", "").strip()
    kode = request.GET.get("kode", "").strip()
    context = {"nav": "regions", "q": q}
    if q:
        context["page"] = Paginator(_search(q), PAGE_SIZE).get_page(request.GET.get("page"))
    elif kode:
        region = get_object_or_404(Region, code=normalize_code(kode))
        context.update(
            region=region,
            breadcrumb=region.ancestors(),
            children=region.children.current().order_by("code"),
        )
    else:
        kecamatan = list(kecamatan_in_jurisdiction())
        villages = Region.objects.current().filter(parent__in=kecamatan, level=Level.VILLAGE).order_by("code")
        by_parent = {code: list(items) for code, items in groupby(villages, key=lambda v: v.parent_id)}
        context.update(
            jurisdiction=Region.objects.filter(code=jurisdiction_code()).first(),
            kecamatan_list=[(k, by_parent.get(k.code, [])) for k in kecamatan],
        )
    return render(request, "regions/region_list.html", context)


def _search(q: str):
    """By name (contains) or by code (prefix, dotted or bare digits), nationwide, retired codes included."""
    code = normalize_code(q)
    regions = Region.objects.select_related("parent__parent")
    if code.replace(".", "").isdigit():
        regions = regions.filter(code__startswith=code)
    else:
        regions = regions.filter(Q(name__icontains=q))
    return regions.order_by("level", "code")


@require_GET
def kelurahan_options(request):
    """The <option>s of one kecamatan's current kelurahan (regions/_kelurahan_options.html).

    The picker's kecamatan select sends its own value under its own name, so the widget's URL carries
    `kecamatan_field=<that name>`; a plain `kecamatan=<code>` works too. `selected=<code>` marks one option.
    """
    param = request.GET.get("kecamatan_field") or "kecamatan"
    kecamatan = normalize_code(request.GET.get(param, "") or request.GET.get("kecamatan", ""))
    context = kelurahan_options_context(kecamatan or None, request.GET.get("selected"))
    return render(request, "regions/_kelurahan_options.html", context)
