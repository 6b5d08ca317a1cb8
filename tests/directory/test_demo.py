"""The sample register that demo mode loads, so the directory has content: loaded once, then unchanged."""

import pytest

from cms.directory.queries import public_organizations
from cms.organizations import demo
from cms.organizations.models import Organization

pytestmark = pytest.mark.django_db


def sample_rows() -> int:
    """Count the sample's data rows: every line but the header."""
    return len(demo.SAMPLE_REGISTER.read_text(encoding="utf-8").splitlines()) - 1


def test_sample_register_fills_directory(settings):
    settings.DEMO_MODE = True

    report = demo.ensure_demo_register()

    # The sample has bad rows on purpose; they are reported, and the others load.
    assert report.counts["rejected"] >= 3
    assert report.counts["added"] == sample_rows() - report.counts["rejected"]
    assert public_organizations().count() == report.counts["added"]
    assert public_organizations().filter(sphere="health", region="seki-seheri").count() == 6


def test_second_load_changes_nothing(settings):
    settings.DEMO_MODE = True
    first = demo.ensure_demo_register()
    before = list(Organization.objects.order_by("pk").values())

    report = demo.ensure_demo_register()

    assert report.counts["unchanged"] == first.counts["added"]
    assert report.counts["added"] == report.counts["updated"] == 0
    assert list(Organization.objects.order_by("pk").values()) == before


def test_sample_register_needs_demo_mode(settings):
    settings.DEMO_MODE = False

    with pytest.raises(RuntimeError):
        demo.ensure_demo_register()
    assert not Organization.objects.exists()
