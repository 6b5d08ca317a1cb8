"""Keep the index in step with the library: one act at a time, or everything."""

import logging

from cms.legal.models import LegalAct

from .documents import entries_for_act
from .engines import get_engine

logger = logging.getLogger(__name__)


def index_act(act_id: int) -> int:
    """Index the current version of a public act, or drop the act from the index. Returns the entry count."""
    act = LegalAct.objects.public().select_related("current_version").filter(pk=act_id).first()
    entries = entries_for_act(act) if act is not None else []
    get_engine().replace_act(act_id, entries)
    logger.info("Indexed act %s: %s entries", act_id, len(entries))
    return len(entries)


def rebuild(progress=None) -> int:
    """Index every public act from scratch; ``progress(done, total, act)`` is called after each act."""
    engine = get_engine()
    engine.clear()
    acts = list(LegalAct.objects.public().select_related("current_version"))
    total = 0
    for done, act in enumerate(acts, start=1):
        entries = entries_for_act(act)
        engine.replace_act(act.pk, entries)
        total += len(entries)
        if progress:
            progress(done, len(acts), act)
    return total
