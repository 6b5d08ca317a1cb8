from django import template

from .. import subscribing

register = template.Library()


@register.simple_tag(takes_context=True)
def act_follow(context, act):
    """Return the signed-in person's confirmed follow of ``act``, or None; costs no query for anonymous readers."""
    request = context.get("request")
    if request is None or not request.user.is_authenticated:
        return None
    return subscribing.following(request.user, act)
