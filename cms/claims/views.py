"""Placeholder until the claim flow lands."""

from django.http import Http404


def start(request):
    raise Http404
