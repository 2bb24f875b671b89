"""Reading rendered pages the way a browser or crawler would: headings, links, landmarks."""

from html.parser import HTMLParser
from urllib.parse import urldefrag, urljoin, urlsplit


class PageParser(HTMLParser):
    def __init__(self):
        super().__init__()
        self.tags = []
        self.links = []
        self.ids = []
        self.meta = {}
        self.title = ""
        self._in_title = False

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        self.tags.append((tag, attrs))
        if tag == "a" and attrs.get("href"):
            self.links.append(attrs["href"])
        if attrs.get("id"):
            self.ids.append(attrs["id"])
        if tag == "meta" and attrs.get("name"):
            self.meta[attrs["name"]] = attrs.get("content", "")
        if tag == "title":
            self._in_title = True

    def handle_endtag(self, tag):
        if tag == "title":
            self._in_title = False

    def handle_data(self, data):
        if self._in_title:
            self.title += data

    def count(self, tag):
        return sum(1 for name, _ in self.tags if name == tag)


def parse(response):
    parser = PageParser()
    parser.feed(response.content.decode())
    return parser


def same_site_paths(page_url, hrefs):
    """Paths (with query, without fragment) of the links that stay on this site."""
    paths = set()
    for href in hrefs:
        absolute = urljoin(f"http://testserver{page_url}", href)
        absolute, _fragment = urldefrag(absolute)
        parts = urlsplit(absolute)
        if parts.scheme in ("http", "https") and parts.netloc == "testserver":
            paths.add(parts.path + (f"?{parts.query}" if parts.query else ""))
    return paths


# Attributes a visitor reads or hears: tooltips, accessible names, the search-result snippet.
READ_ATTRIBUTES = ("title", "aria-label", "alt", "placeholder")


class TextParser(HTMLParser):
    def __init__(self):
        super().__init__()
        self.parts = []
        self._skip = 0

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag in ("script", "style"):
            self._skip += 1
        self.parts.extend(attrs[name] for name in READ_ATTRIBUTES if attrs.get(name))
        if tag == "meta" and attrs.get("name") == "description":
            self.parts.append(attrs.get("content", ""))

    def handle_endtag(self, tag):
        if tag in ("script", "style"):
            self._skip -= 1

    def handle_data(self, data):
        if not self._skip:
            self.parts.append(data)


def visitor_text(response):
    """Everything on a page a visitor reads: its text (the <title> included) and the attributes
    that are read out or shown (READ_ATTRIBUTES, the meta description); never tag names."""
    parser = TextParser()
    parser.feed(response.content.decode())
    return " ".join(parser.parts)
