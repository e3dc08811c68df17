"""Markdown to safe HTML: editors write Markdown; the page only ever gets sanitised output."""
from markdown_it import MarkdownIt
import nh3

_markdown = MarkdownIt("commonmark", {"html": False, "linkify": False}).enable("table")

ALLOWED_TAGS = {"p", "h2", "h3", "h4", "ul", "ol", "li", "strong", "em", "a", "code", "blockquote",
                "table", "thead", "tbody", "tr", "th", "td", "br", "hr"}


def markdown_to_html(text: str) -> str:
    html = _markdown.render(text or "")
    # Headings inside a guide start at h2: the page title is the only h1.
    html = html.replace("<h1>", "<h2>").replace("</h1>", "</h2>")
    return nh3.clean(html, tags=ALLOWED_TAGS, attributes={"a": {"href", "title"}},
                     url_schemes={"https", "http", "mailto", "tel"}, link_rel="noopener")


def without_links(html: str) -> str:
    """Sanitised guide HTML with every link reduced to its text: for a kiosk, whose pages must
    lead nowhere else."""
    return nh3.clean(html, tags=ALLOWED_TAGS - {"a"}, attributes={})
