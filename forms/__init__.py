"""E-services: the form-builder pages through which CSOs file with the Ministry of Justice."""
