"""One-time codes for the e-mail route: making, hashing and comparing them.

Only an HMAC of each code is stored, keyed with SECRET_KEY and bound to the
claim, so a copy of the database contains no usable code and a code of one
claim never matches another.
"""

import re
import secrets
from datetime import timedelta

from django.utils.crypto import constant_time_compare, salted_hmac

CODE_DIGITS = 6
CODE_LIFETIME = timedelta(minutes=30)
# Wrong entries a code takes before it is void. By these limits alone, one
# account guessing six digits with five attempts on each of MAX_CODES_PER_DAY
# codes has a 1 in 40,000 chance a day.
MAX_ATTEMPTS = 5

# Sending limits: one code a minute, a few a day per person and organization,
# and a cap per organization so its mailbox is not flooded from many accounts.
RESEND_INTERVAL = timedelta(minutes=1)
MAX_CODES_PER_DAY = 5
MAX_CODES_PER_ORGANIZATION_PER_DAY = 10
DAY = timedelta(hours=24)

_HMAC_SALT = "cms.claims.codes"
_SEPARATORS = re.compile(r"[\s\-]")


def new_code() -> str:
    return "".join(secrets.choice("0123456789") for _ in range(CODE_DIGITS))


def hash_code(claim_id: int, code: str) -> str:
    return salted_hmac(_HMAC_SALT, f"{claim_id}:{code}", algorithm="sha256").hexdigest()


def code_matches(claim_id: int, typed: str, code_hash: str) -> bool:
    """Compare in constant time, so response times reveal nothing about the code."""
    return constant_time_compare(hash_code(claim_id, typed), code_hash)


def normalise_code(typed: str) -> str:
    """Drop the spaces and hyphens people type or paste between the digits."""
    return _SEPARATORS.sub("", typed or "")


def is_well_formed(code: str) -> bool:
    # [0-9], not \d: \d also matches Arabic-Indic and other Unicode digits.
    return re.fullmatch(rf"[0-9]{{{CODE_DIGITS}}}", code) is not None
