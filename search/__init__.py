"""Full-text search across the legal-acts library, with Azerbaijani-aware normalisation.

TODO: not built yet; the library's admin listings use Wagtail's database search meanwhile.
"""
