"""The common shape every file kind is read into: lines of cells, each with its source.

Text, HTML, DOCX and PDF all end up as a list of `Line`s in reading order; the table
and section interpreters only ever see these. A `Line` from a real table grid (HTML,
DOCX, a ruled PDF table) knows that an empty cell is a blank; a line of extracted text
cannot tell a blank from the gap left by a merged label cell.
"""

import re
import unicodedata
from dataclasses import dataclass, field

from .variants import simplify


class cached_property:  # noqa: N801 - named after the functools one it stands in for
    """`functools.cached_property` without the lock it takes on every first access.

    Python 3.11's version serialises all instances of a class through one RLock; a
    report has thousands of lines, each asking for its text, split and squeezed form
    once. Like the original, the value lands in the instance's __dict__, so later
    reads never reach this descriptor (and frozen dataclasses are fine).
    """

    def __init__(self, func):
        self.func = func
        self.name = func.__name__
        self.__doc__ = func.__doc__

    def __set_name__(self, owner, name):
        self.name = name

    def __get__(self, instance, owner=None):
        if instance is None:
            return self
        value = instance.__dict__[self.name] = self.func(instance)
        return value


@dataclass(frozen=True)
class Line:
    cells: tuple[str, ...]
    source: dict = field(default_factory=dict)
    grid: bool = False

    @cached_property
    def text(self) -> str:
        stripped = [cell.strip() for cell in self.cells]
        return " ".join([cell for cell in stripped if cell])

    @cached_property
    def split(self) -> "SplitLine":
        """Label and values; computed once, as headings and every table reader ask."""
        return _split(self)

    @cached_property
    def normalized_cells(self) -> tuple[str, ...]:
        """Each cell through `normalize` (ASCII is NFKC already), for `split` and `squeezed`."""
        return tuple([cell if cell.isascii() else normalize(cell) for cell in self.cells])

    @cached_property
    def squeezed(self) -> str:
        """`squeeze(self.text)`, computed once: headings, the title and 表二 all ask.

        Made from the normalised cells rather than by normalising `text` again: NFKC
        never composes across a space, and whatever it makes of whitespace is
        whitespace, which squeezing drops, so the two agree.
        """
        return "".join(simplify(" ".join(self.normalized_cells)).split())


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
    # Empty cells of extracted text between the label and the first value, left out of
    # `values`: each is a merged label cell or a blank, which only the table can tell.
    leading_empty: int = 0

    @cached_property
    def squeezed_label(self) -> str:
        """`squeeze(self.label)`, computed once: every table reader matches on it."""
        return squeeze(self.label)


# Printed stand-ins for an empty cell (after NFKC): dashes, slashes, 无.
_BLANK_MARKS = {"-", "--", "—", "——", "–", "―", "─", "/", "//", "\\", "无", "空", "×", "x", "X"}
_NUMBER = re.compile(r"[+\-]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?")
_TRAILING_DIGITS = re.compile(r"^(.*[^\d.,+\-(\[])(\d+(?:\.\d+)?)$")


def normalize(text: str) -> str:
    """Full-width to half-width, compatibility ideographs to plain ones (NFKC).

    PDFs often carry Kangxi radicals (⼀ U+2F00) and compatibility ideographs for
    ordinary characters; NFKC folds them, and full-width digits and brackets too.
    """
    text = unicodedata.normalize("NFKC", text)  # returns `text` itself when already NFKC
    if "\u2212" in text:
        text = text.replace("\u2212", "-")
    return text


def squeeze(text: str) -> str:
    """Text for matching labels and headings: normalised, simplified, no spaces."""
    # str.split() and the regex \s agree on what whitespace is (both Py_UNICODE_ISSPACE).
    return "".join(simplify(normalize(text)).split())


_RUN_TOGETHER = re.compile(r"\d+(?:,\d+)+")

# Piece kinds inside `_split`, as small ints: cheaper than an `Item` per piece, and the
# value kinds (number, blank, empty) are exactly those below TEXT.
_NUMBER_KIND, _BLANK_KIND, _EMPTY_KIND, _TEXT_KIND = 0, 1, 2, 3
_KIND_NAMES = ("number", "blank", "empty", "text")


def classify(piece: str) -> Item:
    kind, text = _classify(piece)
    return Item(_KIND_NAMES[kind], text)


def _classify(piece: str) -> tuple[int, str]:
    if piece.isdigit():
        return _NUMBER_KIND, piece
    if piece in _BLANK_MARKS:
        return _BLANK_KIND, piece
    first = piece[0]
    if not (first.isdecimal() or first in "+-"):
        return _TEXT_KIND, piece  # neither pattern below can match (\d is isdecimal)
    if _NUMBER.fullmatch(piece):
        return _NUMBER_KIND, piece.replace(",", "")
    if _RUN_TOGETHER.fullmatch(piece):
        # Commas that are not thousands separators: cells run together ("14,0").
        return _NUMBER_KIND, piece.replace(",", " ")
    return _TEXT_KIND, piece


def _pieces(cell: str) -> list[Item]:
    kinds: list[int] = []
    texts: list[str] = []
    _add_pieces(normalize(cell), kinds, texts)
    return [Item(_KIND_NAMES[kind], text) for kind, text in zip(kinds, texts, strict=True)]


def _add_pieces(cell: str, kinds: list[int], texts: list[str]) -> None:
    """Append the (normalised) cell's pieces (kind, text) to the two parallel lists."""
    if cell.isascii() and cell.isdigit():  # a plain count: nothing to split
        kinds.append(_NUMBER_KIND)
        texts.append(cell)
        return
    for piece in cell.split():
        if piece.isdigit():  # by far the commonest piece: a plain count
            kinds.append(_NUMBER_KIND)
            texts.append(piece)
            continue
        kind, text = _classify(piece)
        if kind == _NUMBER_KIND and " " in text:
            for part in text.split():
                kinds.append(_NUMBER_KIND)
                texts.append(part)
            continue
        if kind == _TEXT_KIND:
            # A label run into its first number ("总计14") comes apart here.
            tail = _TRAILING_DIGITS.match(piece) if piece[-1].isdecimal() else None
            if tail and _ends_a_label(tail.group(1)[-1]):
                kinds += (_TEXT_KIND, _NUMBER_KIND)
                texts += (tail.group(1), tail.group(2))
                continue
        kinds.append(kind)
        texts.append(text)


def _is_cjk(char: str) -> bool:
    return "\u4e00" <= char <= "\u9fff"


def _ends_a_label(char: str) -> bool:
    """A label's last character before its numbers: a Chinese character, or the closing
    bracket or quote of one (（二）部分公开（…）14, 3.危及“三安全一稳定”0)."""
    return _is_cjk(char) or char in ")）”\"'】"


def split_line(line: Line) -> SplitLine:
    """The label (all text before the values) and the trailing run of value cells."""
    return line.split


def _split(line: Line) -> SplitLine:
    kinds: list[int] = []
    texts: list[str] = []
    for cell in line.normalized_cells:
        if not cell:
            kinds.append(_EMPTY_KIND)
            texts.append("")
        elif cell.isdigit() and cell.isascii():  # the commonest cell, handled inline
            kinds.append(_NUMBER_KIND)
            texts.append(cell)
        else:
            before = len(kinds)
            _add_pieces(cell, kinds, texts)
            if len(kinds) == before:  # only spaces
                kinds.append(_EMPTY_KIND)
                texts.append("")
    end = len(kinds)
    if not line.grid:
        while end and kinds[end - 1] == _EMPTY_KIND:
            end -= 1
    start = end
    while start and kinds[start - 1] < _TEXT_KIND:  # number, blank or empty
        start -= 1
    first = start
    if not line.grid:
        # In extracted text an empty cell before the numbers is a merged label cell.
        while first < end and kinds[first] == _EMPTY_KIND:
            first += 1
    label = "".join(texts[i] for i in range(start) if kinds[i] == _TEXT_KIND)
    values = tuple(texts[i] if kinds[i] == _NUMBER_KIND else None for i in range(first, end))
    return SplitLine(label=label, values=values, line=line, leading_empty=first - start)


_PIPE = re.compile(r"\s*[|｜]\s*")


def text_lines(text: str, source_key: str = "line", extra: dict | None = None) -> list[Line]:
    """Plain text as lines. Tabs (what PDF-to-text tools and a table copied from a browser
    leave between cells) split cells; so do `|` bars (HTML→text converters, Markdown)
    on a line with at least two of them."""
    lines = []
    for number, raw in enumerate(text.splitlines(), start=1):
        if not raw.strip():
            continue
        source = dict(extra or {})
        source[source_key] = number
        lines.append(Line(cells=_cells(raw), source=source))
    return lines


def _cells(raw: str) -> tuple[str, ...]:
    if "\t" in raw:
        return tuple(raw.split("\t"))
    if raw.count("|") + raw.count("｜") >= 2:
        text = raw.strip()
        if text[:1] in "|｜" and text[-1:] in "|｜":
            text = text[1:-1]  # a Markdown row's outer bars; a bar at one end only is a blank cell
        cells = _PIPE.split(text)
        return tuple(cells)
    return (raw,)
