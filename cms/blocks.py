"""StreamField blocks shared by the public site's page types.

Every block renders with its own template in templates/cms/blocks/, without inline styles or scripts
(the site's Content-Security-Policy forbids them). Video is embedded from a privacy-friendly player
URL computed from the address the editor gives: no oEmbed call to a third party while rendering.
"""

import re
from urllib.parse import parse_qs, urlparse

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.images.blocks import ImageChooserBlock

RICH_TEXT_FEATURES = ["bold", "italic", "link", "ol", "ul", "h2", "h3", "document-link"]


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("text"), max_length=120)
    level = blocks.ChoiceBlock(label=_("level"), choices=[("h2", _("Heading 2")), ("h3", _("Heading 3"))], default="h2")

    class Meta:
        icon = "title"
        label = _("Heading")
        template = "cms/blocks/heading_block.html"


class ImageBlock(blocks.StructBlock):
    """An image with the text that replaces it for people who cannot see it."""

    image = ImageChooserBlock(label=_("image"))
    alt_text = blocks.CharBlock(
        label=_("alternative text"),
        max_length=250,
        required=False,
        help_text=_("What the image shows, for people who cannot see it. Leave empty if it is decoration only."),
    )
    caption = blocks.CharBlock(label=_("caption"), max_length=250, required=False)

    class Meta:
        icon = "image"
        label = _("Image")
        template = "cms/blocks/image_block.html"


class QuoteBlock(blocks.StructBlock):
    text = blocks.TextBlock(label=_("quote"), max_length=800)
    attribution = blocks.CharBlock(label=_("who said it"), max_length=150, required=False)

    class Meta:
        icon = "openquote"
        label = _("Quote")
        template = "cms/blocks/quote_block.html"


class LinkTargetBlock(blocks.StructBlock):
    """A link to a page on this site or to an external address (the page wins when both are set)."""

    page = blocks.PageChooserBlock(label=_("page"), required=False)
    url = blocks.URLBlock(label=_("external address"), required=False)

    def clean(self, value):
        value = super().clean(value)
        if not value.get("page") and not value.get("url"):
            raise blocks.StructBlockValidationError(
                block_errors={"page": ValidationError(_("Choose a page or enter an external address."))}
            )
        return value

    class Meta:
        icon = "link"
        label = _("Link")


class CallToActionBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("title"), max_length=120)
    text = blocks.TextBlock(label=_("text"), max_length=500, required=False)
    button_label = blocks.CharBlock(label=_("button text"), max_length=60)
    link = LinkTargetBlock(label=_("link"))

    class Meta:
        icon = "pick"
        label = _("Call to action")
        template = "cms/blocks/call_to_action_block.html"


class DocumentListBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("title"), max_length=120, required=False)
    documents = blocks.ListBlock(DocumentChooserBlock(label=_("document")), label=_("documents"), min_num=1)

    class Meta:
        icon = "doc-full"
        label = _("Document list")
        template = "cms/blocks/document_list_block.html"


YOUTUBE_ID = re.compile(r"^[A-Za-z0-9_-]{6,20}$")
VIMEO_ID = re.compile(r"^\d{4,12}$")


def video_embed_url(url: str) -> str | None:
    """The privacy-friendly player address for a YouTube or Vimeo video, or None for anything else."""
    parsed = urlparse(url or "")
    host = (parsed.hostname or "").lower().removeprefix("www.").removeprefix("m.")
    path_parts = [part for part in parsed.path.split("/") if part]
    video_id = None
    if host in {"youtube.com", "youtube-nocookie.com"}:
        if path_parts[:1] == ["watch"]:
            video_id = (parse_qs(parsed.query).get("v") or [None])[0]
        elif len(path_parts) == 2 and path_parts[0] in {"embed", "shorts", "live"}:
            video_id = path_parts[1]
        if video_id and YOUTUBE_ID.match(video_id):
            return f"https://www.youtube-nocookie.com/embed/{video_id}"
    elif host == "youtu.be" and len(path_parts) == 1 and YOUTUBE_ID.match(path_parts[0]):
        return f"https://www.youtube-nocookie.com/embed/{path_parts[0]}"
    elif host in {"vimeo.com", "player.vimeo.com"}:
        candidate = path_parts[-1] if path_parts else ""
        if VIMEO_ID.match(candidate):
            return f"https://player.vimeo.com/video/{candidate}?dnt=1"
    return None


class VideoURLBlock(blocks.URLBlock):
    def clean(self, value):
        value = super().clean(value)
        if video_embed_url(value) is None:
            raise ValidationError(_("Enter the address of a YouTube or Vimeo video."))
        return value


class VideoBlock(blocks.StructBlock):
    """A YouTube or Vimeo video with a title (read out by screen readers) and an optional transcript."""

    url = VideoURLBlock(label=_("video address"), help_text=_("The address of a YouTube or Vimeo video."))
    title = blocks.CharBlock(label=_("title"), max_length=150)
    transcript = blocks.RichTextBlock(
        label=_("transcript"), features=RICH_TEXT_FEATURES, required=False, help_text=_("What is said and shown.")
    )

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context=parent_context)
        context["embed_url"] = video_embed_url(value["url"])
        return context

    class Meta:
        icon = "media"
        label = _("Video")
        template = "cms/blocks/video_block.html"


class FAQItemBlock(blocks.StructBlock):
    question = blocks.CharBlock(label=_("question"), max_length=250)
    answer = blocks.RichTextBlock(label=_("answer"), features=RICH_TEXT_FEATURES)

    class Meta:
        icon = "help"
        label = _("Question")


class AccordionBlock(blocks.StructBlock):
    """Questions and answers that open one by one (native <details>: works without scripts)."""

    title = blocks.CharBlock(label=_("title"), max_length=120, required=False)
    items = blocks.ListBlock(FAQItemBlock(), label=_("questions"), min_num=1)

    class Meta:
        icon = "list-ul"
        label = _("Questions and answers")
        template = "cms/blocks/accordion_block.html"


class BaseStreamBlock(blocks.StreamBlock):
    heading = HeadingBlock()
    paragraph = blocks.RichTextBlock(label=_("Text"), features=RICH_TEXT_FEATURES, icon="pilcrow")
    image = ImageBlock()
    quote = QuoteBlock()
    call_to_action = CallToActionBlock()
    documents = DocumentListBlock()
    video = VideoBlock()
    accordion = AccordionBlock()
