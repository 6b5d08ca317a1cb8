from .acts import ActVersion, LegalAct, Topic, localized_value
from .changes import ActChange, ChangeKind
from .choices import ActStatus, ActType, DivisionKind, IssuingBody, ProvisionKind
from .structure import AmendmentNote, Division, Provision

__all__ = [
    "ActChange",
    "ActStatus",
    "ActType",
    "ActVersion",
    "AmendmentNote",
    "ChangeKind",
    "Division",
    "DivisionKind",
    "IssuingBody",
    "LegalAct",
    "Provision",
    "ProvisionKind",
    "Topic",
    "localized_value",
]

# Imported last: the page's views import the models above through this package.
from .pages import LegalActIndexPage  # noqa: E402

__all__ += ["LegalActIndexPage"]
