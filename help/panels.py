"""The "Feedback" tab of a question page in the admin: views, votes, the helpful share and recent comments."""

from django.urls import reverse
from wagtail.admin.panels import Panel


class FeedbackPanel(Panel):
    """Read-only figures of readers' feedback on the page being edited."""

    class BoundPanel(Panel.BoundPanel):
        template_name = "help/admin/feedback_panel.html"

        def get_context_data(self, parent_context=None):
            from .stats import summarise

            context = super().get_context_data(parent_context)
            page = self.instance
            context["summary"] = summarise(page) if page.pk else None
            context["detail_url"] = reverse("help_feedback:answer", args=[page.pk]) if page.pk else ""
            return context
