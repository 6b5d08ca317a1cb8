"""The e-mails the browser tests' site writes to its outbox folder.

The file backend writes 8-bit UTF-8 bodies, so each message is parsed from
bytes and its text decoded by its declared charset.
"""

import email
import time
from collections.abc import Callable
from email import policy
from email.message import EmailMessage

# The file backend separates the messages in one file with a line of dashes.
SEPARATOR = "-" * 79


def outbox_messages(outbox) -> list[tuple[str, EmailMessage]]:
    """Return every message in the folder with the name of its file, oldest file first."""
    messages = []
    for path in sorted(outbox.glob("*.log")):
        for raw in path.read_text(encoding="utf-8").split(SEPARATOR):
            if raw.strip():
                messages.append((path.name, email.message_from_bytes(raw.strip().encode("utf-8"), policy=policy.default)))
    return messages


def wait_for_message(
    outbox, matches: Callable[[str, EmailMessage], bool], description: str, timeout: float = 10.0
) -> EmailMessage:
    """Return the first message for which ``matches(file_name, message)`` holds, waiting for it to be sent."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        for file_name, message in outbox_messages(outbox):
            if matches(file_name, message):
                return message
        time.sleep(0.2)
    raise AssertionError(f"No e-mail {description} arrived within {timeout} s")


def addressed_to(message: EmailMessage, to: str) -> bool:
    return to in (message["To"] or "")
