from .fields import ServiceFormField
from .filings import Filing, FilingAction, FilingEvent, FilingFile, FilingStatus, ReferenceSequence
from .pages import ServiceIndexPage, ServicePage
from .review import FieldCorrection, FilingSubmission, ReviewAccess, SatisfactionResponse, ServiceReviewPermission

__all__ = [
    "FieldCorrection",
    "Filing",
    "FilingAction",
    "FilingEvent",
    "FilingFile",
    "FilingStatus",
    "FilingSubmission",
    "ReferenceSequence",
    "ReviewAccess",
    "SatisfactionResponse",
    "ServiceFormField",
    "ServiceIndexPage",
    "ServicePage",
    "ServiceReviewPermission",
]
