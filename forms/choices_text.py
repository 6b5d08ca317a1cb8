"""Reading the choices an editor types: one per line.

Wagtail splits choices on commas as well as new lines, which breaks a choice
such as ``Bəli, razıyam``; e-service forms split on new lines only.
"""


def split_choices(text: str) -> list[str]:
    return [line.strip() for line in (text or "").splitlines() if line.strip()]
