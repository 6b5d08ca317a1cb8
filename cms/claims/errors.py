from django.core.exceptions import ValidationError


class ClaimError(ValidationError):
    """A step the claim rules do not allow; the message is shown to the person."""
