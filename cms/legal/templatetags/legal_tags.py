from django import template

from .. import links

register = template.Library()


def _library_url(context) -> str:
    return context["page"].url


@register.simple_tag(takes_context=True)
def act_url(context, act, version=None):
    return links.act_url(_library_url(context), act, version)


@register.simple_tag(takes_context=True)
def provision_url(context, act, provision, version=None):
    return links.provision_url(_library_url(context), act, provision, version)


@register.simple_tag(takes_context=True)
def division_url(context, act, division, version=None):
    return links.division_url(_library_url(context), act, division, version)
