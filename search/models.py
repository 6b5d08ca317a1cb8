"""The search index: one entry per article of every public act, and one per act title.

Entries keep the text already normalised (``search.normalise``), so every
engine indexes the same terms: ``*_exact`` with Azerbaijani letters, and
``*_folded`` folded to plain Latin and stemmed.
"""

from django.db import models

from cms.legal.models import ActStatus, LegalAct, Provision


class SearchEntry(models.Model):
    ARTICLE = "article"
    ACT = "act"

    act = models.ForeignKey(LegalAct, on_delete=models.CASCADE, related_name="+")
    provision = models.ForeignKey(Provision, null=True, blank=True, on_delete=models.CASCADE, related_name="+")
    kind = models.CharField(max_length=16)
    act_type = models.CharField(max_length=32, db_index=True)
    act_status = models.CharField(max_length=16, db_index=True)
    year = models.PositiveSmallIntegerField(null=True, db_index=True)
    title_exact = models.TextField()
    title_folded = models.TextField()
    body_exact = models.TextField()
    body_folded = models.TextField()

    class Meta:
        indexes = [models.Index(fields=["act", "kind"], name="search_entry_act_kind")]

    @property
    def repealed(self) -> bool:
        return self.act_status == ActStatus.REPEALED
