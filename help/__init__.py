"""The help centre: FAQ, video guides, document samples, news and the hotline.

TODO: not built yet.
"""
