"""Build the addresses of acts, divisions and provisions below the library page.

The address of an article in the current version has no version segment, so
it never changes when the act is amended: ``/qanunlar/aile-mecellesi/madde-7-1/``.
An earlier version adds ``versiya-<id>/`` after the act.
"""


def act_base(library_url: str, act, version=None) -> str:
    base = f"{library_url}{act.slug}/"
    if version is not None and version.pk != act.current_version_id:
        base += f"versiya-{version.pk}/"
    return base


def act_url(library_url: str, act, version=None) -> str:
    return act_base(library_url, act, version)


def provision_url(library_url: str, act, provision, version=None) -> str:
    return f"{act_base(library_url, act, version)}{provision.slug}/"


def division_url(library_url: str, act, division, version=None) -> str:
    return f"{act_base(library_url, act, version)}{division.slug}/"
