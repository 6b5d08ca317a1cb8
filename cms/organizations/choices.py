"""Fixed lists an organization's record chooses from."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class LegalForm(models.TextChoices):
    PUBLIC_ASSOCIATION = "public_association", _("Public association")
    FOUNDATION = "foundation", _("Foundation")
    UNION = "union", _("Union of legal entities")
    FOREIGN_BRANCH = "foreign_branch", _("Branch or representation of a foreign NGO")


class Sphere(models.TextChoices):
    """Sphere of activity of an organization."""

    HEALTH = "health", _("Health")
    EDUCATION = "education", _("Education")
    HUMAN_RIGHTS = "human_rights", _("Human rights")
    ENVIRONMENT = "environment", _("Environment")
    YOUTH = "youth", _("Youth")
    WOMEN = "women", _("Women")
    CULTURE = "culture", _("Culture")
    SOCIAL_PROTECTION = "social_protection", _("Social protection")
    LEGAL_AID = "legal_aid", _("Legal aid")
    OTHER = "other", _("Other")


class RegisterStatus(models.TextChoices):
    """Status of an organization in the state register of CSOs."""

    ACTIVE = "active", _("Active")
    LIQUIDATED = "liquidated", _("Liquidated")
    SUSPENDED = "suspended", _("Suspended")


class Role(models.TextChoices):
    OWNER = "owner", _("Owner")
    MEMBER = "member", _("Member")


# Cities and districts (rayonlar) of the Republic of Azerbaijan, including the
# Nakhchivan Autonomous Republic. Codes are ASCII and never change; names are
# proper nouns and stay in Azerbaijani in every language.
REGIONS = [
    ("baki", "Bakı şəhəri"),
    ("gence", "Gəncə şəhəri"),
    ("sumqayit", "Sumqayıt şəhəri"),
    ("mingecevir", "Mingəçevir şəhəri"),
    ("naftalan", "Naftalan şəhəri"),
    ("naxcivan-seheri", "Naxçıvan şəhəri"),
    ("lenkeran", "Lənkəran şəhəri"),
    ("seki-seheri", "Şəki şəhəri"),
    ("sirvan", "Şirvan şəhəri"),
    ("xankendi", "Xankəndi şəhəri"),
    ("yevlax-seheri", "Yevlax şəhəri"),
    ("abseron", "Abşeron rayonu"),
    ("agcabedi", "Ağcabədi rayonu"),
    ("agdam", "Ağdam rayonu"),
    ("agdas", "Ağdaş rayonu"),
    ("agstafa", "Ağstafa rayonu"),
    ("agsu", "Ağsu rayonu"),
    ("astara", "Astara rayonu"),
    ("babek", "Babək rayonu"),
    ("balaken", "Balakən rayonu"),
    ("beyleqan", "Beyləqan rayonu"),
    ("berde", "Bərdə rayonu"),
    ("bilesuvar", "Biləsuvar rayonu"),
    ("cebrayil", "Cəbrayıl rayonu"),
    ("celilabad", "Cəlilabad rayonu"),
    ("culfa", "Culfa rayonu"),
    ("daskesen", "Daşkəsən rayonu"),
    ("fuzuli", "Füzuli rayonu"),
    ("gedebey", "Gədəbəy rayonu"),
    ("goranboy", "Goranboy rayonu"),
    ("goycay", "Göyçay rayonu"),
    ("goygol", "Göygöl rayonu"),
    ("haciqabul", "Hacıqabul rayonu"),
    ("imisli", "İmişli rayonu"),
    ("ismayilli", "İsmayıllı rayonu"),
    ("kelbecer", "Kəlbəcər rayonu"),
    ("kengerli", "Kəngərli rayonu"),
    ("kurdemir", "Kürdəmir rayonu"),
    ("lacin", "Laçın rayonu"),
    ("lenkeran-rayonu", "Lənkəran rayonu"),
    ("lerik", "Lerik rayonu"),
    ("masalli", "Masallı rayonu"),
    ("neftcala", "Neftçala rayonu"),
    ("oguz", "Oğuz rayonu"),
    ("ordubad", "Ordubad rayonu"),
    ("qax", "Qax rayonu"),
    ("qazax", "Qazax rayonu"),
    ("qebele", "Qəbələ rayonu"),
    ("qobustan", "Qobustan rayonu"),
    ("quba", "Quba rayonu"),
    ("qubadli", "Qubadlı rayonu"),
    ("qusar", "Qusar rayonu"),
    ("saatli", "Saatlı rayonu"),
    ("sabirabad", "Sabirabad rayonu"),
    ("salyan", "Salyan rayonu"),
    ("samux", "Samux rayonu"),
    ("sederek", "Sədərək rayonu"),
    ("siyezen", "Siyəzən rayonu"),
    ("sabran", "Şabran rayonu"),
    ("sahbuz", "Şahbuz rayonu"),
    ("samaxi", "Şamaxı rayonu"),
    ("seki", "Şəki rayonu"),
    ("semkir", "Şəmkir rayonu"),
    ("serur", "Şərur rayonu"),
    ("susa", "Şuşa rayonu"),
    ("terter", "Tərtər rayonu"),
    ("tovuz", "Tovuz rayonu"),
    ("ucar", "Ucar rayonu"),
    ("xacmaz", "Xaçmaz rayonu"),
    ("xizi", "Xızı rayonu"),
    ("xocali", "Xocalı rayonu"),
    ("xocavend", "Xocavənd rayonu"),
    ("yardimli", "Yardımlı rayonu"),
    ("yevlax", "Yevlax rayonu"),
    ("zaqatala", "Zaqatala rayonu"),
    ("zengilan", "Zəngilan rayonu"),
    ("zerdab", "Zərdab rayonu"),
]
REGION_NAMES = dict(REGIONS)
