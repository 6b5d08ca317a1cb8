"""The "Reports" page of the Wagtail admin and its menu item."""

import re

import pytest
from django.test import RequestFactory
from django.urls import reverse
from wagtail.admin.menu import admin_menu, reports_menu

from forms.models import FilingStatus
from forms.review.admin.reports import ReviewerMenuItem
from forms.review.admin.reports_charts import nice_ticks

from .conftest import GRANT_TITLE, REGISTRATION_TITLE, at, make_filing, signed_in

pytestmark = pytest.mark.django_db

REPORTS_URL = "/admin/reports/"
CHART_IDS = ["status-chart", "returned-chart", "satisfaction-chart"]


def section(html: str, name: str) -> str:
    """The HTML of the dashboard section marked data-report="name"."""
    match = re.search(rf'<section[^>]*data-report="{name}".*?</section>', html, re.S)
    assert match, name
    return match.group(0)


def figure(html: str, name: str) -> str:
    match = re.search(rf'<li data-figure="{name}">.*?<strong>(.*?)</strong>', html, re.S)
    assert match, name
    return match.group(1)


def test_reports_url_name():
    assert reverse("filing_reports:index") == REPORTS_URL


def test_dashboard_draws_three_svg_charts_with_tables(filings, full_reviewer):
    response = signed_in(full_reviewer).get(REPORTS_URL)

    html = response.content.decode()
    assert response.status_code == 200
    for chart_id in CHART_IDS:
        svg = re.search(rf'<svg[^>]*id="{chart_id}".*?</svg>', html, re.S).group(0)
        assert f'<title id="{chart_id}-title">' in svg
        assert f'<desc id="{chart_id}-desc">' in svg
        assert f'aria-labelledby="{chart_id}-title {chart_id}-desc"' in svg
        assert "<rect" in svg
    for name in ("status", "returned", "satisfaction", "processing"):
        assert "<table" in section(html, name)


def test_dashboard_uses_no_script_of_its_own(filings, full_reviewer):
    html = signed_in(full_reviewer).get(REPORTS_URL).content.decode()

    main = html[html.index('data-report-filters'):]
    assert "<script" not in main
    assert "cdn" not in main.lower()


def test_dashboard_figures(filings, full_reviewer):
    html = signed_in(full_reviewer).get(REPORTS_URL).content.decode()

    assert figure(html, "total") == "7"
    assert figure(html, "overdue") == "2"
    assert figure(html, "median") == "4,0"
    assert figure(html, "p90") == "8,8"
    assert figure(html, "returned") == "28,6%"
    assert figure(html, "satisfaction") == "7,2"


def test_status_table_beside_chart(filings, full_reviewer):
    html = section(signed_in(full_reviewer).get(REPORTS_URL).content.decode(), "status")

    grant_row = re.search(rf"<tr>\s*<th scope=\"row\">{GRANT_TITLE}</th>(.*?)</tr>", html, re.S).group(1)
    counts = re.findall(r'<td class="number">(\d+)</td>', grant_row)
    # Submitted, under review, returned, accepted, rejected, total.
    assert counts == ["1", "1", "1", "1", "1", "5"]


def test_svg_coordinates_use_dots(filings, full_reviewer):
    html = signed_in(full_reviewer).get(REPORTS_URL).content.decode()

    for value in re.findall(r'<rect[^>]* (?:x|y|width|height)="([^"]*)"', html):
        assert re.fullmatch(r"-?\d+(\.\d+)?", value), value


def test_grant_reviewer_sees_grant_figures_only(filings, grant_reviewer):
    html = signed_in(grant_reviewer).get(REPORTS_URL).content.decode()

    assert GRANT_TITLE in html
    assert REGISTRATION_TITLE not in html
    assert figure(html, "total") == "5"
    assert figure(html, "overdue") == "1"


def test_service_filter(filings, full_reviewer, registration_service):
    response = signed_in(full_reviewer).get(REPORTS_URL, {"service": registration_service.pk})

    html = response.content.decode()
    assert figure(html, "total") == "2"
    assert f"service={registration_service.pk}" in html  # passed on to the export links
    assert GRANT_TITLE not in section(html, "status")


def test_date_filter(filings, full_reviewer):
    response = signed_in(full_reviewer).get(REPORTS_URL, {"submitted_from": "2026-04-01", "submitted_to": "2026-04-30"})

    assert figure(response.content.decode(), "total") == "3"


def test_invalid_filters_show_errors(filings, full_reviewer):
    client = signed_in(full_reviewer)

    bad_date = client.get(REPORTS_URL, {"submitted_from": "dünən"})
    reversed_dates = client.get(REPORTS_URL, {"submitted_from": "2026-05-01", "submitted_to": "2026-04-01"})
    unknown_service = client.get(REPORTS_URL, {"service": "999999"})

    assert bad_date.status_code == 200
    assert bad_date.context["form"].errors["submitted_from"]
    assert figure(bad_date.content.decode(), "total") == "7"
    assert reversed_dates.context["form"].errors["submitted_to"]
    assert unknown_service.context["form"].errors["service"]


@pytest.mark.parametrize(
    ("name", "value"),
    [("submitted_from", "0001-01-01"), ("submitted_to", "9999-12-31"), ("submitted_from", "1899-12-31")],
)
def test_out_of_range_date_shows_error(filings, full_reviewer, name, value):
    response = signed_in(full_reviewer).get(REPORTS_URL, {name: value})

    html = response.content.decode()
    assert response.status_code == 200
    assert [error.code for error in response.context["form"].errors.as_data()[name]] == ["date_out_of_range"]
    assert "1900" in html.split("data-report-filters")[1].split("</form>")[0]
    assert figure(html, "total") == "7"
    assert f"{name}=" not in html.split("data-export-links")[1].split("</p>")[0]


def test_dates_at_the_limits_are_accepted(filings, full_reviewer):
    response = signed_in(full_reviewer).get(REPORTS_URL, {"submitted_from": "1900-01-01", "submitted_to": "2100-12-31"})

    assert response.context["form"].errors == {}
    assert figure(response.content.decode(), "total") == "7"


def test_grant_reviewer_cannot_choose_another_service(filings, grant_reviewer, registration_service):
    response = signed_in(grant_reviewer).get(REPORTS_URL, {"service": registration_service.pk})

    html = response.content.decode()
    assert response.context["form"].errors["service"]
    assert REGISTRATION_TITLE not in html
    assert figure(html, "total") == "5"


def test_service_titles_are_escaped_in_charts(grant_service, association, full_reviewer):
    grant_service.title = "Qrant <script>alert(1)</script>"
    grant_service.save_revision().publish()
    make_filing(grant_service, association, FilingStatus.SUBMITTED, "QR-2026-0600", first_submitted=at("2026-04-01"))

    html = signed_in(full_reviewer).get(REPORTS_URL).content.decode()

    assert "<script>alert(1)" not in html
    assert "Qrant &lt;script&gt;alert(1)&lt;/script&gt;" in html


def test_empty_dashboard(db, full_reviewer):
    response = signed_in(full_reviewer).get(REPORTS_URL)

    html = response.content.decode()
    assert response.status_code == 200
    assert "<svg" not in html.split("data-report-filters")[1].split("</form>")[1].replace('<svg class="icon', "")
    assert figure(html, "median") == "—"


def test_staff_without_review_permission_get_403(filings, other_staff):
    response = signed_in(other_staff).get(REPORTS_URL)

    assert response.status_code == 403


def test_menu_item_only_for_reviewers(full_reviewer, grant_reviewer, other_staff):
    item = ReviewerMenuItem("Hesabatlar", REPORTS_URL)
    request = RequestFactory().get("/admin/")

    def shown(user):
        request.user = user
        return item.is_shown(request)

    assert shown(full_reviewer)
    assert shown(grant_reviewer)
    assert not shown(other_staff)


def menu_item_names(menu, user) -> list[str]:
    request = RequestFactory().get("/admin/")
    request.user = user
    return [item.name for item in menu.menu_items_for_request(request)]


def test_dashboard_is_in_wagtails_reports_menu(full_reviewer, other_staff):
    top_level = menu_item_names(admin_menu, full_reviewer)

    assert "filing-reports" in menu_item_names(reports_menu, full_reviewer)
    assert "filing-reports" not in top_level
    assert top_level.count("reports") == 1
    assert "filing-reports" not in menu_item_names(reports_menu, other_staff)


def test_menu_shows_reports_link(full_reviewer, other_staff):
    reviewer_home = signed_in(full_reviewer).get("/admin/").content.decode()
    editor_home = signed_in(other_staff).get("/admin/").content.decode()

    assert REPORTS_URL in reviewer_home
    assert REPORTS_URL not in editor_home


def test_download_buttons_use_wagtails_icon_button(filings, full_reviewer):
    html = signed_in(full_reviewer).get(REPORTS_URL).content.decode()

    links = re.findall(r"<a [^>]*>.*?</a>", html.split("data-export-links")[1].split("</p>")[0], re.S)
    assert len(links) == 2
    for link in links:
        assert 'class="button button-small button-secondary bicolor button--icon"' in link
        assert re.search(r'<span class="icon-wrapper"><svg class="icon icon-download[^"]*"', link), link
    assert "button-icon" not in html


@pytest.mark.parametrize(
    ("maximum", "expected"),
    [(0, [0, 1]), (1, [0, 1]), (5, [0, 1, 2, 3, 4, 5]), (7, [0, 2, 4, 6, 8]), (23, [0, 5, 10, 15, 20, 25])],
)
def test_nice_ticks(maximum, expected):
    assert nice_ticks(maximum) == expected
