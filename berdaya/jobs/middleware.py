"""A heavy job refused by its limits (services.JobLimitReached) is a message on the page the user came
from, whichever view started it, never a server error."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect
from django.utils.html import format_html
from django.utils.http import url_has_allowed_host_and_scheme

from .services import JobLimitReached


class JobLimitMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if not isinstance(exception, JobLimitReached):
            return None
        text = " ".join(exception.messages)
        if request.headers.get("HX-Request"):
            # htmx swaps 2xx only: the refusal replaces the button's target in place.
            return HttpResponse(format_html('<p class="message-error" role="alert">{}</p>', text))
        messages.error(request, text)
        back = request.headers.get("Referer", "")
        if not url_has_allowed_host_and_scheme(back, {request.get_host()}, require_https=request.is_secure()):
            back = "jobs:list"
        return redirect(back)
