"""The common shape every file kind is read into: lines of cells, each with its source.

Text, HTML, DOCX and PDF all end up as a list of `Line`s in reading order; the table
and section interpreters only ever see these. A `Line` from a real table grid (HTML,
DOCX, a ruled PDF table) knows that an empty cell is a blank; a line of extracted text
cannot tell a blank from the gap left by a merged label cell.
"""

import re
import unicodedata
from dataclasses import dataclass, field
from functools import cached_property

from .variants import simplify


@dataclass(frozen=True)
class Line:
    cells: tuple[str, ...]
    source: dict = field(default_factory=dict)
    grid: bool = False

    @cached_property
    def text(self) -> str:
        return " ".join(cell.strip() for cell in self.cells if cell and cell.strip())

    @cached_property
    def split(self) -> "SplitLine":
        """Label and values; computed once, as headings and every table reader ask."""
        return _split(self)


@dataclass(frozen=True)
class Item:
    kind: str  # "number" | "blank" | "text"
    text: str


@dataclass(frozen=True)
class SplitLine:
    """A line cut into its row label and the run of value cells that ends it."""

    label: str
    values: tuple[str | None, ...]  # numeral as printed (normalised), or None for a blank
    line: Line


# Printed stand-ins for an empty cell (after NFKC): dashes, slashes, 无.
_BLANK_MARKS = {"-", "--", "—", "——", "–", "―", "─", "/", "//", "\\", "无", "空", "×", "x", "X"}
_NUMBER = re.compile(r"[+\-]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?")
_TRAILING_DIGITS = re.compile(r"^(.*[^\d.,+\-()\[\]])(\d+)$")
_SPACES = re.compile(r"\s+")


def normalize(text: str) -> str:
    """Full-width to half-width, compatibility ideographs to plain ones (NFKC).

    PDFs often carry Kangxi radicals (⼀ U+2F00) and compatibility ideographs for
    ordinary characters; NFKC folds them, and full-width digits and brackets too.
    """
    if not unicodedata.is_normalized("NFKC", text):
        text = unicodedata.normalize("NFKC", text)
    if "\u2212" in text:
        text = text.replace("\u2212", "-")
    return text


def squeeze(text: str) -> str:
    """Text for matching labels and headings: normalised, simplified, no spaces."""
    return _SPACES.sub("", simplify(normalize(text)))


def classify(piece: str) -> Item:
    if piece.isdigit():
        return Item("number", piece)
    if piece in _BLANK_MARKS:
        return Item("blank", piece)
    if _NUMBER.fullmatch(piece):
        return Item("number", piece.replace(",", ""))
    if re.fullmatch(r"\d+(?:,\d+)+", piece):
        # Commas that are not thousands separators: cells run together ("14,0").
        return Item("number", piece.replace(",", " "))
    return Item("text", piece)


def _pieces(cell: str) -> list[Item]:
    items: list[Item] = []
    for piece in normalize(cell).split():
        item = classify(piece)
        if item.kind == "number" and " " in item.text:
            items.extend(Item("number", part) for part in item.text.split())
            continue
        if item.kind == "text":
            # A label run into its first number ("总计14") comes apart here.
            tail = _TRAILING_DIGITS.match(piece)
            if tail and _is_cjk(tail.group(1)[-1]):
                items.append(Item("text", tail.group(1)))
                items.append(Item("number", tail.group(2)))
                continue
        items.append(item)
    return items


def _is_cjk(char: str) -> bool:
    return "\u4e00" <= char <= "\u9fff"


def split_line(line: Line) -> SplitLine:
    """The label (all text before the values) and the trailing run of value cells."""
    return line.split


def _split(line: Line) -> SplitLine:
    cells: list[list[Item]] = [_pieces(cell) for cell in line.cells]
    flat: list[Item] = []
    for pieces in cells:
        flat.extend(pieces if pieces else [Item("empty", "")])
    end = len(flat)
    if not line.grid:
        while end and flat[end - 1].kind == "empty":
            end -= 1
    start = end
    while start and flat[start - 1].kind in ("number", "blank", "empty"):
        start -= 1
    run = flat[start:end]
    if not line.grid:
        # In extracted text an empty cell before the numbers is a merged label cell.
        while run and run[0].kind == "empty":
            run = run[1:]
    label = "".join(item.text for item in flat[:start] if item.kind == "text")
    values = tuple(item.text if item.kind == "number" else None for item in run)
    return SplitLine(label=label, values=values, line=line)


def text_lines(text: str, source_key: str = "line", extra: dict | None = None) -> list[Line]:
    """Plain text as lines; tabs (what PDF-to-text tools leave between cells) split cells."""
    lines = []
    for number, raw in enumerate(text.splitlines(), start=1):
        if not raw.strip():
            continue
        source = dict(extra or {})
        source[source_key] = number
        lines.append(Line(cells=tuple(raw.split("\t")), source=source))
    return lines
