"""E-services: the form-builder pages through which CSOs file with the Ministry of Justice.

TODO: not built yet; the legal-acts library comes first because every e-service page links to the
articles that require it.
"""
