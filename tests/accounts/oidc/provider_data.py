"""What the test provider is configured with: the site's client and the
people who can sign in there."""

from dataclasses import dataclass

PROVIDER_ID = "sinaq-imza"
PROVIDER_NAME = "Sınaq İmza"
CLIENT_ID = "ferdi-pencere-test"
CLIENT_SECRET = "test-client-secret-not-for-production"

# The Django test client serves http://testserver, and django-allauth builds
# the redirect URI from the request's host and the page's language prefix.
CALLBACK_URLS = [
    f"http://testserver/hesab/oidc/{PROVIDER_ID}/login/callback/",
    f"http://testserver/en/hesab/oidc/{PROVIDER_ID}/login/callback/",
    f"http://testserver/ru/hesab/oidc/{PROVIDER_ID}/login/callback/",
]


@dataclass(frozen=True)
class Person:
    """An account at the test provider: what the person types and what the provider asserts."""

    username: str
    password: str
    claims: dict

    def as_json(self) -> dict:
        return {"username": self.username, "password": self.password, "claims": self.claims}


# The e-mail is typed with Caps Lock on an Azerbaijani keyboard (İ for i), so
# the stored address shows whether the site folded it.
VERIFIED_PERSON = Person(
    username="leyla",
    password="leyla-test-password",
    claims={
        "sub": "AZE-1000001",
        "email": "LEYLA.İSMAYILOVA@Example.AZ",
        "email_verified": True,
        "name": "Leyla İsmayılova",
    },
)
UNVERIFIED_PERSON = Person(
    username="rauf",
    password="rauf-test-password",
    claims={
        "sub": "AZE-1000002",
        "email": "rauf.aliyev@example.az",
        "email_verified": False,
        "name": "Rauf Əliyev",
    },
)
PEOPLE = [VERIFIED_PERSON, UNVERIFIED_PERSON]
