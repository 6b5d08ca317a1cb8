from .callbacks import CallbackRequest, CallbackStatus, CallbackTopic
from .feedback import AnswerViews, AnswerVote
from .guides import GuideIndexPage, VideoGuidePage
from .pages import ContactPage, ContactPhone, FaqQuestionPage, FaqTopicPage, HelpIndexPage
from .samples import DocumentSamplePage, SampleIndexPage

__all__ = [
    "AnswerViews",
    "AnswerVote",
    "CallbackRequest",
    "CallbackStatus",
    "CallbackTopic",
    "ContactPage",
    "ContactPhone",
    "DocumentSamplePage",
    "FaqQuestionPage",
    "FaqTopicPage",
    "GuideIndexPage",
    "HelpIndexPage",
    "SampleIndexPage",
    "VideoGuidePage",
]
