"""The Atom feed of published events (linked from every public page's head)."""

from django.contrib.syndication.views import Feed
from django.urls import reverse_lazy
from django.utils.feedgenerator import Atom1Feed

from . import event_queries

FEED_ITEMS = 50


class PublishedEventsFeed(Feed):
    feed_type = Atom1Feed
    title = "Sự kiện thi đua - khen thưởng · Bộ Khoa học và Công nghệ"
    subtitle = "Các sự kiện của khối thi đua đã công bố, mới nhất trước."
    link = reverse_lazy("blocs:events")

    def items(self):
        return event_queries.public_events().order_by("-published_at", "-pk")[:FEED_ITEMS]

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        parts = [item.bloc_name, f"kỳ thi đua {item.period_label}" if item.period_label else ""]
        if item.held_on:
            parts.append(f"ngày {item.held_on:%d/%m/%Y}")
        return " · ".join(str(p) for p in parts if p)

    def item_pubdate(self, item):
        return item.published_at

    def item_updateddate(self, item):
        return item.published_at
