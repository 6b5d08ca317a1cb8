"""The permission policy Wagtail's generic views use for filings."""

import pytest
from wagtail.admin.admin_url_finder import AdminURLFinder

from forms.models import Filing
from forms.review.admin.policy import FilingReviewPolicy

from .conftest import admin_url

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("private_media_root")]

policy = FilingReviewPolicy(Filing)


def test_nobody_adds_changes_or_deletes(chief, decider):
    for action in ("add", "change", "delete"):
        assert not policy.user_has_permission(chief, action)
        assert not policy.user_has_permission(decider, action)


def test_view_and_decide_follow_service_access(decider, viewer, donor_reviewer, grant_filing):
    assert policy.user_has_permission_for_instance(decider, "decide", grant_filing)
    assert policy.user_has_permission_for_instance(viewer, "view", grant_filing)
    assert not policy.user_has_permission_for_instance(viewer, "decide", grant_filing)
    assert not policy.user_has_permission_for_instance(donor_reviewer, "view", grant_filing)


def test_users_with_permission(chief, decider, viewer, donor_reviewer, member):
    viewers = set(policy.users_with_permission("view"))
    deciders = set(policy.users_with_permission("decide"))

    assert {chief, decider, viewer, donor_reviewer} <= viewers
    assert member not in viewers
    assert viewer not in deciders
    assert {chief, decider, donor_reviewer} <= deciders


def test_instances_for_view(decider, grant_filing, donor_filing, draft_filing):
    assert list(policy.instances_user_has_permission_for(decider, "view")) == [grant_filing]


def test_admin_url_finder_links_review_page(decider, donor_reviewer, grant_filing):
    # Resolving an admin address loads the admin's URLs, which registers the viewset's finder.
    review_url = admin_url("inspect", grant_filing)

    assert AdminURLFinder(decider).get_edit_url(grant_filing) == review_url
    assert AdminURLFinder(donor_reviewer).get_edit_url(grant_filing) is None
