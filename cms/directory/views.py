"""The public directory of CSOs: the list with search and filters, its export, and one organization's page.

Every view starts from ``queries.public_organizations()``, so an organization
that is not public answers 404 like one that does not exist.
"""

from django.core.paginator import Paginator
from django.db.models import Max
from django.http import Http404
from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_safe

from cms.organizations.models import Membership, Organization

from . import export
from .filters import DirectoryFilterForm
from .queries import public_organizations

PER_PAGE = 20


def _list_response(request, form: DirectoryFilterForm):
    """Render the list for a validated ``form``: its results, or its errors with status 400."""
    organizations = public_organizations()
    if form.is_valid():
        organizations = form.filter(organizations)
    else:
        organizations = organizations.none()
    page = Paginator(organizations, PER_PAGE).get_page(request.GET.get("page"))

    # The export links keep the search and filters, not the page number.
    export_query = request.GET.copy()
    export_query.pop("page", None)
    context = {
        "filter_form": form,
        "organizations_page": page,
        "export_query": export_query.urlencode(),
        "show_clear_link": bool(form.errors) or form.is_filtered,
        "imported_at": Organization.objects.aggregate(latest=Max("imported_at"))["latest"],
    }
    return render(request, "directory/list.html", context, status=400 if form.errors else 200)


@require_safe
def organization_list(request):
    return _list_response(request, DirectoryFilterForm(request.GET))


@require_safe
def organization_export(request, file_format: str):
    """Download the list as filtered on the page; invalid filters show the page with their errors instead."""
    if file_format not in export.FORMATS:
        raise Http404
    form = DirectoryFilterForm(request.GET)
    if not form.is_valid():
        return _list_response(request, form)

    organizations = form.filter(public_organizations())
    if file_format == export.XLSX:
        return export.xlsx_response(organizations)
    return export.csv_response(organizations)


@require_safe
def organization_detail(request, pk: int):
    organization = get_object_or_404(public_organizations(), pk=pk)
    context = {
        "organization": organization,
        # Only an organization nobody acts for yet can be claimed.
        "claimable": not Membership.objects.filter(organization=organization).exists(),
    }
    return render(request, "directory/detail.html", context)
