"""A real SMTP server on 127.0.0.1 for the delivery tests, which can be stopped
to stand for a mail server outage and started again on the same port."""

import asyncio
import email
import socket
import threading
from email.policy import default as default_policy

from aiosmtpd.controller import Controller

HOST = "127.0.0.1"


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind((HOST, 0))
        return probe.getsockname()[1]


class CollectingHandler:
    """Accept every message and keep it. A nonzero ``delay`` delays each reply by that many seconds."""

    def __init__(self):
        self.envelopes = []
        self.delay = 0.0
        self._lock = threading.Lock()

    async def handle_DATA(self, server, session, envelope):
        if self.delay:
            await asyncio.sleep(self.delay)
        with self._lock:
            self.envelopes.append(envelope)
        return "250 Message accepted for delivery"


class LocalSMTPServer:
    def __init__(self):
        self.port = free_port()
        self.handler = CollectingHandler()
        self._controller = None

    @property
    def running(self) -> bool:
        return self._controller is not None

    def start(self) -> None:
        # server_hostname keeps aiosmtpd from looking up the machine's name.
        self._controller = Controller(self.handler, hostname=HOST, port=self.port, server_hostname="localhost")
        self._controller.start()

    def stop(self) -> None:
        if self._controller is not None:
            self._controller.stop()
            self._controller = None

    @property
    def messages(self) -> list[email.message.EmailMessage]:
        return [
            email.message_from_bytes(envelope.original_content, policy=default_policy)
            for envelope in self.handler.envelopes
        ]

    def messages_to(self, address: str) -> list[email.message.EmailMessage]:
        return [
            message
            for envelope, message in zip(self.handler.envelopes, self.messages)
            if address in envelope.rcpt_tos
        ]


def body_text(message) -> str:
    return message.get_body(preferencelist=("plain",)).get_content()
