"""Random secrets sent to people, stored only as hashes.

A leaked database backup then holds no usable sign-in link, invitation or
API token. SHA-256 is enough: the secrets are 256 random bits, not passwords.
"""

import hashlib
import secrets


def new_secret() -> tuple[str, str]:
    """Return a URL-safe secret and the hash to store for it."""
    secret = secrets.token_urlsafe(32)
    return secret, hash_secret(secret)


def hash_secret(secret: str) -> str:
    return hashlib.sha256(secret.encode("utf-8", "surrogatepass")).hexdigest()
