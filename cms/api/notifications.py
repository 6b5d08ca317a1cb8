"""The signed-in person's notifications: ``/api/v1/notifications/``.

``GET  /api/v1/notifications/``            own notifications, newest first, paginated
``POST /api/v1/notifications/<id>/read/``  marks one as read

Titles and links are built in the request's language, like the site's
notification list. Another person's notification returns 404.
"""

from django.utils import timezone
from django.utils.translation import gettext as _
from drf_spectacular.utils import OpenApiResponse, extend_schema, extend_schema_field
from rest_framework import mixins, permissions, serializers, viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import ValidationError
from rest_framework.response import Response

from cms.notifications import kinds
from cms.notifications.display import ShownNotification, describe, describe_all
from cms.notifications.models import Notification

from .auth_serializers import ErrorSerializer
from .language import RequestLanguageMixin

LIST_PARAMETERS = {"page", "page_size", "format"}


class NotificationSerializer(serializers.Serializer):
    id = serializers.IntegerField(source="pk")
    kind = serializers.CharField(source="notification.kind", help_text="For example filing.accepted.")
    title = serializers.CharField(help_text="In the request's language.")
    url = serializers.SerializerMethodField(
        help_text="The page the notification is about; null when that no longer exists."
    )
    read = serializers.SerializerMethodField()
    read_at = serializers.DateTimeField(source="notification.read_at", allow_null=True)
    created_at = serializers.DateTimeField()

    @extend_schema_field(serializers.URLField(allow_null=True))
    def get_url(self, shown: ShownNotification) -> str | None:
        return self.context["request"].build_absolute_uri(shown.url) if shown.url else None

    def get_read(self, shown: ShownNotification) -> bool:
        return not shown.is_unread


class NotificationViewSet(RequestLanguageMixin, mixins.ListModelMixin, viewsets.GenericViewSet):
    """Notifications of the signed-in person."""

    permission_classes = [permissions.IsAuthenticated]
    serializer_class = NotificationSerializer

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):
            # drf-spectacular builds the schema without a signed-in person.
            return Notification.objects.none()
        return Notification.objects.filter(recipient=self.request.user).prefetch_related(kinds.targets_prefetch())

    @extend_schema(summary="Your notifications, newest first")
    def list(self, request, *args, **kwargs):
        unknown = sorted(set(request.query_params) - LIST_PARAMETERS)
        if unknown:
            raise ValidationError({name: [_("Unknown parameter.")] for name in unknown})

        page = self.paginate_queryset(self.get_queryset())
        serializer = self.get_serializer(describe_all(page), many=True)
        return self.get_paginated_response(serializer.data)

    @extend_schema(
        summary="Mark a notification as read",
        request=None,
        responses={200: NotificationSerializer, 404: OpenApiResponse(ErrorSerializer, description="Not yours.")},
    )
    @action(detail=True, methods=["post"])
    def read(self, request, pk=None):
        notification = self.get_object()
        if notification.read_at is None:
            Notification.objects.filter(pk=notification.pk, read_at=None).update(read_at=timezone.now())
            notification.refresh_from_db(fields=["read_at"])
        return Response(self.get_serializer(describe(notification)).data)
