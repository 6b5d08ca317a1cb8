"""Links to the law that editors and reviewers type: a path on this site or
an https:// address, never something a browser reads as another site."""

import pytest
from django.core.exceptions import ValidationError

from forms.models.fields import is_safe_article_link, safe_article_link, validate_article_link


@pytest.mark.parametrize(
    "link",
    [
        "/qanunlar/qrantlar-haqqinda/madde-3/",
        "/en/qanunlar/konstitusiya/madde-58/",
        "https://e-qanun.az/framework/46950",
    ],
)
def test_safe_links_pass(link):
    assert is_safe_article_link(link)
    assert safe_article_link(f"  {link} ") == link
    validate_article_link(link)


@pytest.mark.parametrize(
    "link",
    [
        "//evil.example/madde",
        "/\\evil.example/madde",
        "\\\\evil.example",
        "/qanunlar/\tmadde",
        "/qanunlar/\nmadde",
        "https:/evil.example",
        "https://",
        "https://[evil",
        "http://e-qanun.az/framework/46950",
        "javascript:alert(1)",
        "JAVASCRIPT:alert(1)",
        "madde-3",
        "/qanunlar/\x00",
    ],
)
def test_unsafe_links_rejected(link):
    assert not is_safe_article_link(link)
    assert safe_article_link(link) == ""
    with pytest.raises(ValidationError):
        validate_article_link(link)
