"""The help centre in the Wagtail admin: the feedback report and per-answer comments (feedback.py),
and the queue of call-back requests (callbacks.py)."""
