"""Full-text search across the legal-acts library, with Azerbaijani-aware normalisation.

NOTE: the Elasticsearch engine has been tested only without a server (mapping, queries,
fallback); its contract tests run against a cluster only where ELASTICSEARCH_URL is set.
"""
