"""A read-only JSON API (Wagtail API v2) of the published lessons, for partners' own channels.

Only pages in LessonPage.objects.for_everyone() are listed or found: a draft or unpublished lesson
answers 404 here too. JSON only (no browsable HTML pages)."""

from __future__ import annotations

from rest_framework.renderers import JSONRenderer
from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.views import PagesAPIViewSet

from learning.library.models import LessonPage


class LessonsAPIViewSet(PagesAPIViewSet):
    name = "lessons"
    model = LessonPage
    renderer_classes = [JSONRenderer]
    known_query_parameters = PagesAPIViewSet.known_query_parameters - {"type"}
    listing_default_fields = PagesAPIViewSet.listing_default_fields + ["region", "summary", "lesson_date"]

    def get_queryset(self):
        public = self.get_base_queryset().values("pk")
        return (
            LessonPage.objects.for_everyone()
            .filter(pk__in=public)
            .select_related("region")
            .prefetch_related("advices", "themes")
            .order_by("-lesson_date", "-pk")
        )


api_router = WagtailAPIRouter("lessons_api")
api_router.register_endpoint("lessons", LessonsAPIViewSet)
