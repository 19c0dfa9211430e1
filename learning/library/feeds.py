"""RSS and Atom feeds of new lessons (all, and per advice) for partners' websites and newsletters.
Built on Django's syndication framework from LessonPage.objects.for_everyone(): only published, public
lessons appear."""

from __future__ import annotations

import datetime

from django.contrib.syndication.views import Feed
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext as _

from learning.library.models import LessonIndexPage, LessonPage
from learning.models import Advice

FEED_SIZE = 30


class LessonsFeed(Feed):
    """The newest lessons (RSS 2.0)."""

    def get_object(self, request, *args, **kwargs):
        self.request = request
        return None

    def title(self, obj):
        return _("Lessons from the inspiration regions")

    def description(self, obj):
        return _("New lessons from the regions of the coalition onderwijs-zorg-jeugd.")

    subtitle = description

    def link(self, obj):
        index = LessonIndexPage.objects.live().public().first()
        return index.get_url(self.request) if index else "/"

    def _pages(self, obj):
        return LessonPage.objects.for_everyone().select_related("region")

    def items(self, obj):
        return self._pages(obj).order_by("-lesson_date", "-pk")[:FEED_SIZE]

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return f"{item.region.name}: {item.summary}"

    def item_link(self, item):
        return item.get_url(self.request)

    def item_guid(self, item):
        return f"lesson-{item.pk}"

    item_guid_is_permalink = False

    def item_pubdate(self, item):
        return item.first_published_at or timezone.make_aware(
            datetime.datetime.combine(item.lesson_date, datetime.time(9))
        )

    def item_updateddate(self, item):
        return item.last_published_at or self.item_pubdate(item)

    def item_categories(self, item):
        return [item.region.name]


class LessonsAtomFeed(LessonsFeed):
    feed_type = Atom1Feed


class AdviceLessonsFeed(LessonsFeed):
    """The newest lessons about one advice (by its number)."""

    def get_object(self, request, number):
        self.request = request
        return get_object_or_404(Advice, number=number)

    def title(self, obj):
        return _("Lessons about advice %(number)s: %(title)s") % {"number": obj.number, "title": obj.short_title}

    def _pages(self, obj):
        return super()._pages(obj).filter(advices=obj)


class AdviceLessonsAtomFeed(AdviceLessonsFeed):
    feed_type = Atom1Feed
