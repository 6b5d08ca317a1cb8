"""Month names inside dates, overriding Django's catalogue where it is wrong for us.

Django's Azerbaijani catalogue capitalises months in dates ("28 Dekabr 1999");
Azerbaijani writes them in lowercase ("28 dekabr 1999"). Django formats the
``E`` date code with the "alt. month" context, so our catalogue, which comes
first in LOCALE_PATHS, supplies these names. The strings are listed here only
so that makemessages keeps them.
"""

from django.utils.translation import pgettext_lazy

ALT_MONTHS = [
    pgettext_lazy("alt. month", "January"),
    pgettext_lazy("alt. month", "February"),
    pgettext_lazy("alt. month", "March"),
    pgettext_lazy("alt. month", "April"),
    pgettext_lazy("alt. month", "May"),
    pgettext_lazy("alt. month", "June"),
    pgettext_lazy("alt. month", "July"),
    pgettext_lazy("alt. month", "August"),
    pgettext_lazy("alt. month", "September"),
    pgettext_lazy("alt. month", "October"),
    pgettext_lazy("alt. month", "November"),
    pgettext_lazy("alt. month", "December"),
]
