"""Full-text search across the legal-acts library, with Azerbaijani-aware normalisation.

TODO: the Elasticsearch engine (ELASTICSEARCH_URL) is not built yet; every deployment uses the
database engine meanwhile.
"""
