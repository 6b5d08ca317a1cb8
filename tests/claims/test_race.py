"""Claims completing at the same moment on PostgreSQL: one person becomes the owner, never two.

These tests commit for real, so they live apart from the others: the
module's fixture puts the session's data back once they are done.
"""

import threading
import time

import pytest
from django.db import connection
from django.utils import timezone
from wagtail.models import ModelLogEntry

from cms.claims import actions, codes
from cms.claims.models import Claim, ClaimCode, ClaimStatus
from cms.organizations.models import Membership
from tests.accounts.people import make_person
from tests.conftest import ALL_APPS, restored_database  # noqa: F401  (fixture)

from .conftest import REGISTER_EMAIL, imported_organization

THREADS = 6
CODE = "482913"


def claim_with_code(organization, person) -> Claim:
    claim = Claim.objects.create(organization=organization, claimant=person)
    now = timezone.now()
    ClaimCode.objects.create(
        claim=claim,
        code_hash=codes.hash_code(claim.pk, CODE),
        sent_to=REGISTER_EMAIL,
        created_at=now,
        expires_at=now + codes.CODE_LIFETIME,
    )
    return claim


def run_in_parallel(jobs) -> list:
    barrier = threading.Barrier(len(jobs))
    outcomes = []

    def run(job):
        try:
            barrier.wait(timeout=30)
            outcomes.append(job())
        except Exception as error:  # reported by the assertion on outcomes
            outcomes.append(repr(error))
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=(job,)) for job in jobs]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    return outcomes


@pytest.fixture
def slow_lock(monkeypatch):
    """Hold the organization row a moment after locking it, so a step that did not wait for the lock would overlap."""
    take_lock = actions._locked_organization

    def slow(organization_id):
        organization = take_lock(organization_id)
        time.sleep(0.05)
        return organization

    monkeypatch.setattr(actions, "_locked_organization", slow)


# One test for every race: a transactional test empties the database when it ends.
@pytest.mark.django_db(transaction=True, available_apps=ALL_APPS)
def test_simultaneous_completions(restored_database, slow_lock):
    # Different people, each with a right code, on one organization.
    organization = imported_organization()
    people = [make_person(f"yarisan{number}@example.org") for number in range(THREADS)]
    claims = [claim_with_code(organization, person) for person in people]

    outcomes = run_in_parallel(
        [lambda claim=claim, person=person: actions.enter_code(claim, person, CODE).outcome for claim, person in zip(claims, people)]
    )

    assert sorted(outcomes) == sorted([actions.COMPLETED] + [actions.TAKEN] * (THREADS - 1)), outcomes
    members = Membership.objects.filter(organization=organization)
    assert members.count() == 1
    winner = Claim.objects.get(status=ClaimStatus.COMPLETED)
    assert members.get().user_id == winner.claimant_id
    assert Claim.objects.filter(status=ClaimStatus.OPEN).count() == THREADS - 1

    # One person pressing the button again and again.
    second = imported_organization(name="“İkinci” Birliyi", voen="1500000303", registration_number="1400000303")
    person = make_person("tekrar@example.org")
    claim = claim_with_code(second, person)

    repeated = run_in_parallel([lambda: actions.enter_code(claim, person, CODE).outcome for _ in range(THREADS)])

    assert repeated == [actions.COMPLETED] * THREADS, repeated
    assert Membership.objects.filter(organization=second).count() == 1
    completed = ModelLogEntry.objects.filter(object_id=str(second.pk), action="claims.completed")
    assert completed.count() == 1
