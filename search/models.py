"""The search index: one entry per article of every public act, one per act title, and one per help or news page.

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


class PageEntry(models.Model):
    """One live, public Wagtail page of the help centre or the news, indexed for the site search.

    Any page model that declares ``site_search_kind`` and ``site_search_text()``
    is indexed (``search.pages``). The page's address is not stored: it is
    computed from the page when results are shown, so moving a section never
    leaves stale links. ``terms`` holds every folded word, its stem and every
    Russian word of the title and text, with a space at both ends, so a word
    matches with one ``LIKE``, as in the directory (``cms/directory/terms.py``);
    ``title_terms`` holds the title's alone, for ranking.
    """

    page = models.OneToOneField("wagtailcore.Page", on_delete=models.CASCADE, related_name="+")
    language = models.CharField(max_length=8)
    kind = models.CharField(max_length=16)
    title = models.TextField()
    text = models.TextField()
    title_exact = models.TextField()
    title_folded = models.TextField()
    body_exact = models.TextField()
    body_folded = models.TextField()
    terms = models.TextField()
    title_terms = models.TextField()
    published_at = models.DateTimeField(null=True)

    class Meta:
        indexes = [models.Index(fields=["language", "kind"], name="search_page_language_kind")]

    def __str__(self):
        return f"{self.kind}: {self.title}"
