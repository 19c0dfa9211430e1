"""Writes that keep a region's public page in step with the region record."""

from django.db import transaction
from django.utils.text import slugify

from cms.models import HomePage, RegionIndexPage, RegionPage
from regions.models import Region


def region_index_ensure() -> RegionIndexPage:
    """The single region index page under the home page (created when missing)."""
    index = RegionIndexPage.objects.first()
    if index is None:
        home = HomePage.objects.first()
        index = RegionIndexPage(title="Inspiratieregio's", slug="regios")
        home.add_child(instance=index)
        index.save_revision().publish()
    return index


@transaction.atomic
def region_page_ensure(*, region: Region, publish: bool, user=None) -> RegionPage:
    """The region's public page, created from the region record when it has none.

    ``publish=False`` leaves a new page as a draft for the programme office to check and publish;
    an existing page is never unpublished or overwritten (editors may have improved its text).
    """
    page = RegionPage.objects.filter(region=region).first()
    if page is None:
        index = region_index_ensure()
        page = RegionPage(
            title=region.name,
            slug=slugify(region.slug or region.name),
            region=region,
            intro=region.summary,
            live=False,
        )
        index.add_child(instance=page)
        revision = page.save_revision(user=user, log_action=True)
        if publish:
            revision.publish(user=user)
    elif publish and not page.live:
        page.get_latest_revision().publish(user=user)
    page.refresh_from_db()
    return page
