"""Uploaded documents: checked by their content, limited in size.

TODO: placeholder interface; content sniffing and storage are being built.
"""

from django import forms


class UploadField(forms.FileField):
    def __init__(self, *, allowed_types, max_size_mb, **kwargs):
        self.allowed_types = list(allowed_types)
        self.max_size_mb = max_size_mb
        super().__init__(**kwargs)
