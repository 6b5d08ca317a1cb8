from .callbacks import CallbackRequest, CallbackStatus, CallbackTopic
from .feedback import AnswerViews, AnswerVote
from .pages import ContactPage, ContactPhone, FaqQuestionPage, FaqTopicPage, HelpIndexPage

__all__ = [
    "AnswerViews",
    "AnswerVote",
    "CallbackRequest",
    "CallbackStatus",
    "CallbackTopic",
    "ContactPage",
    "ContactPhone",
    "FaqQuestionPage",
    "FaqTopicPage",
    "HelpIndexPage",
]
