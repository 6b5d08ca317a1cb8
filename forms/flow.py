"""The applicant's path through an e-service.

TODO: placeholder routes; the multi-step flow is being built.
"""

from django.http import Http404


def landing(page, request):
    return page.render_page(request, "eservices/service_page.html", {"page": page})


def start(page, request):
    raise Http404


def step(page, request, filing_id, step):
    raise Http404


def check_answers(page, request, filing_id):
    raise Http404


def confirmation(page, request, filing_id):
    raise Http404


def print_view(page, request, filing_id):
    raise Http404
