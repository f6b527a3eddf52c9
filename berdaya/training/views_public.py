"""The public certificate verification page (R50, R53): the name masked, the event and the date; nothing
else about the person. Linked from the certificate's QR; the portal may link it too."""

from django.contrib.auth.decorators import login_not_required
from django.shortcuts import render

from . import documents, selectors


@login_not_required
def verify(request, code):
    certificate = selectors.certificate_by_code(code)
    context = {"found": certificate is not None, "code": code[:16]}
    if certificate is not None:
        context["c"] = documents.public_view(certificate)
    return render(request, "training/verify.html", context, status=200 if certificate else 404)
