from .fields import ServiceFormField
from .filings import Filing, FilingEvent, FilingFile, FilingStatus, ReferenceSequence
from .pages import ServiceIndexPage, ServicePage

__all__ = [
    "Filing",
    "FilingEvent",
    "FilingFile",
    "FilingStatus",
    "ReferenceSequence",
    "ServiceFormField",
    "ServiceIndexPage",
    "ServicePage",
]
