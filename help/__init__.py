"""The help centre: answers to frequent questions, readers' feedback on them, and the hotline.

Video guides, document samples, news and the help centre's search are not
built yet.
"""
