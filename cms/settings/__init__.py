"""Settings modules: ``base`` (shared), ``dev`` (local demo), ``test`` and ``production``."""
