"""Where each table cell came from, and how sure the reading is."""

from dataclasses import dataclass, field

CERTAIN = "certain"  # printed in the file, read as printed
RESTORED = "restored"  # lost in extraction, worked out from the table's own sums (or order)
UNCERTAIN = "uncertain"  # could not be read; the value is left empty (null)


@dataclass(frozen=True)
class CellOrigin:
    source: dict
    confidence: str
    note: str | None = None

    def as_dict(self) -> dict:
        data = {"source": self.source, "confidence": self.confidence}
        if self.note:
            data["note"] = self.note
        return data


@dataclass
class Origins:
    """Cell path (e.g. applications.rows.granted.natural_person) → its origin."""

    cells: dict[str, CellOrigin] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)
    # A table row's cells share their origin; CellOrigin is frozen, so one object serves
    # them all. Keyed by the source's id: the origin kept here keeps the source alive.
    _made: dict[tuple, CellOrigin] = field(default_factory=dict, repr=False, compare=False)

    def add(self, path: str, source: dict, confidence: str = CERTAIN, note: str | None = None):
        key = (id(source), confidence, note)
        origin = self._made.get(key)
        if origin is None:
            origin = self._made[key] = CellOrigin(source=source, confidence=confidence, note=note)
        self.cells[path] = origin

    def uncertain(self) -> list[str]:
        return [path for path, origin in self.cells.items() if origin.confidence == UNCERTAIN]


def describe(source: dict) -> str:
    """A source location in words, for notes: 第3页第2个表格第5行, 第57行."""
    parts = []
    if "page" in source:
        parts.append(f"第{source['page']}页")
    if "table" in source:
        parts.append(f"第{source['table']}个表格")
    if "row" in source:
        parts.append(f"第{source['row']}行")
    elif "line" in source:
        parts.append(f"第{source['line']}行")
    elif "paragraph" in source:
        parts.append(f"第{source['paragraph']}段")
    return "".join(parts) or "未知位置"
