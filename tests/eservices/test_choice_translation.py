"""Switching language mid-filing keeps choice answers: each language's page
reads an answer by its position among the choices."""

import re

import pytest

from forms.models import ServiceFormField

from .conftest import AGREE, ENGLISH_SERVICE_PATH
from .test_flow import answer_steps, check_url, start_filing, step_url

pytestmark = pytest.mark.django_db

ENGLISH_CHOICES = "Yes, I agree\nNo, I do not agree"


@pytest.fixture
def english_choices(english_service_page):
    ServiceFormField.objects.filter(page=english_service_page, clean_name="donorla_razilasma").update(
        choices=ENGLISH_CHOICES
    )
    return english_service_page


def test_answer_given_in_azerbaijani_reads_as_the_english_choice(member_client, organization, english_choices):
    filing = answer_steps(member_client, start_filing(member_client, organization), through=2)
    assert filing.form_data["donorla_razilasma"] == AGREE

    step = member_client.get(step_url(filing, 2, base=ENGLISH_SERVICE_PATH))
    check = member_client.get(check_url(filing, base=ENGLISH_SERVICE_PATH))

    assert step.status_code == 200
    assert step.context["step_form"].form.initial["donorla_razilasma"] == "Yes, I agree"
    assert re.search(r'<input[^>]*value="Yes, I agree"[^>]*checked', step.content.decode())
    unfinished = [unfinished.number for unfinished, _url in check.context["unfinished"]]
    assert 2 not in unfinished
    assert "Yes, I agree" in check.content.decode()
