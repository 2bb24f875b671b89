"""Reading the pay-by-location page as a browser would: its tables' rows and its map's tiles."""

from dataclasses import dataclass, field
from html.parser import HTMLParser


@dataclass
class Row:
    attrs: dict
    cells: list = field(default_factory=list)  # text of each th/td, its parts one space apart
    links: list = field(default_factory=list)


@dataclass
class Tile:
    attrs: dict  # the <a>'s attributes: href, aria-label, class, aria-current
    text: str = ""


class PayPageParser(HTMLParser):
    def __init__(self):
        super().__init__()
        self.tables = []  # each a list of Row, header row first
        self.tiles = []
        self._row = self._cell = self._tile = None
        self._in_svg_map = False

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "table":
            self.tables.append([])
        elif tag == "tr" and self.tables:
            self._row = Row(attrs)
            self.tables[-1].append(self._row)
        elif tag in ("th", "td") and self._row is not None:
            self._cell = []
            self._row.cells.append(self._cell)
        elif tag == "svg" and "tile-map" in attrs.get("class", ""):
            self._in_svg_map = True
        elif tag == "a" and self._in_svg_map:
            self._tile = Tile(attrs)
            self.tiles.append(self._tile)
        elif tag == "a" and self._row is not None:
            self._row.links.append(attrs.get("href"))

    def handle_endtag(self, tag):
        if tag in ("th", "td") and self._cell is not None:
            self._row.cells[-1] = " ".join(" ".join(self._cell).split())
            self._cell = None
        elif tag == "tr":
            self._row = None
        elif tag == "svg":
            self._in_svg_map = False
        elif tag == "a":
            self._tile = None

    def handle_data(self, data):
        if self._cell is not None:
            self._cell.append(data)
        if self._tile is not None:
            self._tile.text += data.strip()


def read_page(response):
    parser = PayPageParser()
    parser.feed(response.content.decode())
    return parser


def body_rows(table):
    return table[1:]


def row_named(table, name):
    """The row whose first cell names the area (a "Highlighted:" marker may come first)."""
    for row in body_rows(table):
        if row.cells[0].removeprefix("Highlighted: ") == name:
            return row
    raise AssertionError(f"no row for {name}: {[r.cells[0] for r in body_rows(table)]}")
