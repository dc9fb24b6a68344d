"""The body blocks editors compose notices, cases and events from.

Every block has an icon, a template and a preview value, so the admin's block picker shows
what each one looks like.
"""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.contrib.table_block.blocks import TableBlock
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.images.blocks import ImageChooserBlock


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("heading"), max_length=120)
    level = blocks.ChoiceBlock(label=_("level"), choices=[("h2", "H2"), ("h3", "H3")], default="h2")

    class Meta:
        icon = "title"
        template = "home/blocks/heading.html"
        preview_value = {"text": "一、总体要求", "level": "h2"}
        label = _("Heading")


class QuoteBlock(blocks.StructBlock):
    text = blocks.TextBlock(label=_("quotation"))
    source = blocks.CharBlock(label=_("source"), required=False, max_length=200)

    class Meta:
        icon = "openquote"
        template = "home/blocks/quote.html"
        preview_value = {
            "text": "知识产权信息公共服务是知识产权公共服务的重要组成部分。",
            "source": "国家知识产权局",
        }
        label = _("Quotation")


class ImageBlock(blocks.StructBlock):
    image = ImageChooserBlock(label=_("image"))
    caption = blocks.CharBlock(label=_("caption"), required=False, max_length=200)

    class Meta:
        icon = "image"
        template = "home/blocks/image.html"
        label = _("Image")


class DocumentBlock(blocks.StructBlock):
    document = DocumentChooserBlock(label=_("document"))
    title = blocks.CharBlock(
        label=_("link text"),
        required=False,
        max_length=200,
        help_text=_("Leave empty to use the document's title."),
    )

    class Meta:
        icon = "doc-full"
        template = "home/blocks/document.html"
        label = _("Document")


class BodyBlock(blocks.StreamBlock):
    heading = HeadingBlock()
    paragraph = blocks.RichTextBlock(
        label=_("Paragraph"),
        icon="pilcrow",
        features=["bold", "italic", "link", "ol", "ul", "document-link"],
        template="home/blocks/paragraph.html",
        preview_value="<p>各省级知识产权管理部门要加强对服务网点的指导。</p>",
    )
    table = TableBlock(
        label=_("Table"),
        icon="table",
        template="home/blocks/table.html",
        table_options={"startRows": 3, "startCols": 3, "colHeaders": False, "rowHeaders": False},
    )
    quote = QuoteBlock()
    image = ImageBlock()
    document = DocumentBlock()

    class Meta:
        template = "home/blocks/body.html"
