"""Public URLs of the library of lessons besides its Wagtail pages: feeds and the JSON API."""

from django.urls import include, path

from learning.library import feeds
from learning.library.api import api_router

feed_patterns = (
    [
        path("rss/", feeds.LessonsFeed(), name="rss"),
        path("atom/", feeds.LessonsAtomFeed(), name="atom"),
        path("advies/<int:number>/rss/", feeds.AdviceLessonsFeed(), name="advice_rss"),
        path("advies/<int:number>/atom/", feeds.AdviceLessonsAtomFeed(), name="advice_atom"),
    ],
    "lesson_feeds",
)

urlpatterns = [
    path("feeds/lessen/", include(feed_patterns)),
    path("api/v2/", api_router.urls),
]
