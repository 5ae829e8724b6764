"""Putting a damaged table row back together from the table's own sum rules.

PDF extraction loses cells (the seed's outcome rows have 6 numbers for 7 columns) and
runs neighbouring cells together ("00"). For such a row every way of splitting the
run-together numbers and of placing the missing cells is tried; a placement survives
only if the row's sums hold once the missing value is worked out. A value is restored
only when every surviving placement, across the whole table, agrees on it; otherwise
the cell stays empty and is marked uncertain. No number is ever guessed.
"""

import itertools
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field

from .fused import MAX_READINGS, split_digits


class _Unknown:
    """A cell the extraction lost; its value is still to be worked out."""

    def __repr__(self) -> str:
        return "?"


UNKNOWN = _Unknown()
Cell = int | str | None | _Unknown  # None is a printed blank, str a printed decimal
MAX_ARRANGEMENTS = 2000
MAX_MISSING = 2  # cells lost from one row; beyond that the row is left uncertain
MAX_COMBINATIONS = 3000
MAX_RUN_TOGETHER = 12  # digits of one token among others; longer is no pair of counts


@dataclass(frozen=True)
class SumRule:
    """sum(left cells) = sum(right cells); a cell is (row key, column index)."""

    left: tuple[tuple[str, int], ...]
    right: tuple[tuple[str, int], ...]
    # left + right, and where right begins: `_apply` runs thousands of times per table.
    members: tuple[tuple[str, int], ...] = field(init=False, repr=False, compare=False)
    split: int = field(init=False, repr=False, compare=False)

    def __post_init__(self):
        object.__setattr__(self, "members", self.left + self.right)
        object.__setattr__(self, "split", len(self.left))


@dataclass
class RowReading:
    key: str
    width: int
    candidates: list[tuple[Cell, ...]]  # empty: no reading of the tokens fits the sums
    damaged: bool
    fused: bool = False  # the row's digits were one run, cut by the sums (fused.py)
    with_blanks: bool = False  # no cut without a blank cell fitted


def is_numeral(token: str) -> bool:
    return token.isdigit() and (token == "0" or not token.startswith("0"))


def row_rules(key: str, groups: Sequence[int]) -> list[SumRule]:
    """Within one row: each group's last cell is the sum of the group's other cells."""
    rules, start = [], 0
    for size in groups:
        parts = tuple((key, i) for i in range(start, start + size - 1))
        rules.append(SumRule(left=parts, right=((key, start + size - 1),)))
        start += size
    return rules


def read_row(key: str, tokens: Sequence[str | None], groups: Sequence[int],
             blanks_anywhere: bool = False) -> RowReading:
    """The possible cell values of one row from its printed tokens (None = a blank)."""
    width = sum(groups)
    if len(tokens) == width:
        cells = _as_printed(tokens)
        if cells is not None:
            return RowReading(key, width, [cells], damaged=False)
    if width > 1 and len(tokens) == 1 and tokens[0] is not None and tokens[0].isdigit():
        return _read_fused(key, tokens[0], groups, blanks_anywhere)
    if any(token is not None and len(token) > MAX_RUN_TOGETHER for token in tokens):
        return RowReading(key, width, [], damaged=True)  # not cells run together: uncertain
    rules = row_rules(key, groups)
    seen: dict[tuple[Cell, ...], None] = {}
    for count, arrangement in enumerate(_arrangements(list(tokens), width)):
        if count >= MAX_ARRANGEMENTS:
            # Too many readings to weigh: leave the whole row uncertain, never a pick.
            return RowReading(key, width, [], damaged=True)
        solved = _propagate({key: arrangement}, rules)
        if solved is not None:
            seen.setdefault(solved[key], None)
    return RowReading(key, width, list(seen), damaged=True)


def _read_fused(key: str, digits: str, groups: Sequence[int], blanks_anywhere: bool) -> RowReading:
    """One run of digits for a whole row: the cuts the row's sums allow. A blank cell
    leaves no digits, so readings with blanks are tried when none without fits — or,
    once the table has shown a blank anywhere (`blanks_anywhere`), always."""
    width = sum(groups)
    readings = [] if blanks_anywhere else split_digits(digits, groups)
    with_blanks = not readings
    if with_blanks:
        readings = split_digits(digits, groups, blanks=True)
    if len(readings) > MAX_READINGS:
        readings = []  # too many to weigh: the whole row stays uncertain, never a pick
    return RowReading(key, width, readings, damaged=True, fused=True, with_blanks=with_blanks)


def _as_printed(tokens: Sequence[str | None]) -> tuple[Cell, ...] | None:
    """The tokens as printed values, or None if one is a run-together numeral ("00", "012")."""
    cells: list[Cell] = []
    for token in tokens:
        if token is None:
            cells.append(None)
        elif token.isdigit():
            if not is_numeral(token):
                return None
            cells.append(int(token) if token.isascii() else printed_value(token))
        else:
            cells.append(printed_value(token))
    return tuple(cells)


def _arrangements(tokens: list[str | None], width: int) -> Iterator[tuple[Cell, ...]]:
    for pieces in _splittings(tokens, width):
        missing = width - len(pieces)
        if missing > MAX_MISSING:
            continue
        for places in itertools.combinations(range(width), missing):
            cells: list[Cell] = []
            source = iter(pieces)
            for position in range(width):
                cells.append(UNKNOWN if position in places else next(source))
            yield tuple(cells)
    if len(tokens) > width:
        # Stray leading numbers (a label's "3" split off) — drop them, never a middle one.
        tail = tokens[len(tokens) - width :]
        if all(t is None or is_numeral(t) for t in tail):
            yield tuple(printed_value(t) for t in tail)


def _splittings(tokens: list[str | None], width: int) -> Iterator[list[Cell]]:
    """Every reading of the tokens as numerals, splitting run-together ones, ≤ width cells."""
    if not tokens:
        yield []
        return
    first, rest = tokens[0], tokens[1:]
    for head in _token_readings(first, width):
        for tail in _splittings(rest, width - len(head)):
            if len(head) + len(tail) <= width:
                yield head + tail


def printed_value(token: str | None) -> int | str | None:
    """A printed cell: a count as int (even a wrong, negative one), a decimal as printed."""
    if token is None:
        return None
    try:
        return int(token)
    except ValueError:
        return token


def _token_readings(token: str | None, width: int) -> Iterator[list[Cell]]:
    if token is None or not token.isdigit():
        yield [printed_value(token)]  # a blank, a signed or a decimal number: never split
        return
    if is_numeral(token):
        yield [int(token)]
    if len(token) > 1 and width > 1:
        for cut in range(1, len(token)):
            left = token[:cut]
            if not is_numeral(left):
                continue
            for right in _token_readings(token[cut:], width - 1):
                yield [int(left)] + right


def _summable(cell: Cell | str) -> bool:
    return cell is UNKNOWN or (isinstance(cell, int) and not isinstance(cell, bool))


@dataclass
class Resolution:
    """The cells of each damaged row: a value when all fitting readings agree, else None."""

    cells: dict[str, tuple[int | None, ...]]
    uncertain: dict[str, tuple[bool, ...]]
    solutions: int


def resolve(readings: list[RowReading], rules: list[SumRule]) -> Resolution:
    """Choose among the damaged rows' candidates those the table's sums allow."""
    # A row no reading fits stays out of every sum: its cells are left blank.
    fixed = {r.key: r.candidates[0] for r in readings if len(r.candidates) == 1}
    fixed.update({r.key: (None,) * r.width for r in readings if not r.candidates})
    open_rows = [r for r in readings if len(r.candidates) > 1]
    solutions: list[dict[str, tuple[Cell, ...]]] = []
    combos = 1
    for row in open_rows:
        combos *= len(row.candidates)
    if open_rows and combos <= MAX_COMBINATIONS:
        live = _live_rules(rules, fixed, {row.key for row in open_rows})
        if live is not None:
            keys = [row.key for row in open_rows]
            for choice in itertools.product(*(row.candidates for row in open_rows)):
                grid = dict(fixed)
                grid.update(zip(keys, choice, strict=True))
                solved = _propagate(grid, live)
                if solved is not None:
                    solutions.append(solved)
    elif open_rows:
        live = _live_rules(rules, fixed, {row.key for row in open_rows})
        solutions = _search(open_rows, fixed, live) if live is not None else []
        if solutions is None:  # too many to weigh: only what each row's own readings agree on
            return _agreement(readings, [])
    else:
        live = _live_rules(rules, fixed, set())
        solved = _propagate(dict(fixed), live) if live is not None else None
        solutions = [solved] if solved is not None else []
    return _agreement(readings, solutions)


MAX_NODES = 20_000
MAX_SOLUTIONS = 500


def _search(open_rows: list[RowReading], fixed: dict, rules: list[SumRule]):
    """The choices among many rows' candidates that satisfy the sums, found row by row and
    abandoned as soon as a sum over the rows chosen so far can no longer hold (cells are
    never negative). None if the search is too large to finish."""
    keys = [row.key for row in open_rows]
    position = {key: n for n, key in enumerate(keys)}
    # Each rule is checked once the last of its open rows is chosen, and bounded before.
    by_depth: dict[int, list[SumRule]] = {}
    for rule in rules:
        depths = [position[key] for key, _ in rule.members if key in position]
        for depth in set(depths):
            by_depth.setdefault(depth, []).append(rule)
    grid = {key: list(values) for key, values in fixed.items()}
    solutions: list[dict] = []
    nodes = 0

    def walk(depth: int) -> bool:
        nonlocal nodes
        if depth == len(open_rows):
            solved = _propagate({k: tuple(v) for k, v in grid.items()}, rules)
            if solved is not None:
                solutions.append(solved)
            return len(solutions) <= MAX_SOLUTIONS
        row = open_rows[depth]
        for candidate in row.candidates:
            nodes += 1
            if nodes > MAX_NODES:
                return False
            grid[row.key] = list(candidate)
            if all(_may_hold(rule, grid) for rule in by_depth.get(depth, ())):
                if not walk(depth + 1):
                    return False
        del grid[row.key]
        return True

    finished = walk(0)
    return solutions if finished else None


def _may_hold(rule: SumRule, cells: dict[str, list[Cell]]) -> bool:
    """Whether the rule can still hold: cells not chosen yet (or unknown) are ≥ 0."""
    sums = [0, 0]
    open_sides = [False, False]
    for n, (key, i) in enumerate(rule.members):
        side = n >= rule.split
        row = cells.get(key)
        if row is None or row[i] is UNKNOWN:
            open_sides[side] = True
            continue
        value = row[i]
        if type(value) is int:
            sums[side] += value
        elif value is not None:
            return True  # a decimal: the rule says nothing
    if not open_sides[0] and not open_sides[1]:
        return sums[0] == sums[1]
    if not open_sides[0]:
        return sums[1] <= sums[0]
    if not open_sides[1]:
        return sums[0] <= sums[1]
    return True


def _live_rules(rules, fixed: dict[str, tuple[Cell, ...]], open_keys: set[str]):
    """The rules whose outcome depends on the choice among candidates; None if none can fit.

    A rule over a missing row or over a blank or decimal in a fixed row never does
    anything (`_apply` gives False whatever the choice), and a rule over known numbers
    of fixed rows only gives the same answer every time: it is worked out once here.
    Dropping them changes no `_propagate` result, since neither ever fills a cell.
    """
    live = []
    for rule in rules:
        constant, inert = True, False
        sums = [0, 0]  # of a constant rule's left and right side
        for n, (key, i) in enumerate(rule.members):
            if key in open_keys:
                constant = False
                continue
            row = fixed.get(key)
            if row is None:
                inert = True
                break
            value = row[i]
            if value is UNKNOWN:
                constant = False
            elif type(value) is int or _summable(value):
                sums[n >= rule.split] += value
            else:
                inert = True
                break
        if inert:
            continue
        if constant:
            if sums[0] != sums[1]:
                return None  # the printed numbers already break this sum, whatever the choice
            continue
        live.append(rule)
    return live


def _propagate(grid: dict[str, tuple[Cell, ...]], rules: list[SumRule]):
    cells = {key: list(values) for key, values in grid.items()}
    changed = True
    while changed:
        changed = False
        for rule in rules:
            outcome = _apply(rule, cells)
            if outcome is None:
                return None
            changed = changed or outcome
    return {key: tuple(values) for key, values in cells.items()}


def _apply(rule: SumRule, cells: dict[str, list[Cell]]) -> bool | None:
    """Check or use one sum: None if it cannot hold, True if it filled a cell."""
    members = rule.members
    split = rule.split
    left = right = 0
    unknown: list[int] = []
    for n, (key, i) in enumerate(members):
        row = cells.get(key)
        if row is None:
            return False  # a row the table does not have
        value = row[i]
        if value is UNKNOWN:
            unknown.append(n)
        elif type(value) is int or _summable(value):
            if n < split:
                left += value
            else:
                right += value
        else:
            return False  # a blank or a decimal: this sum says nothing
    if not unknown:
        return None if left != right else False
    on_left = unknown[0] < split
    if on_left == (unknown[-1] < split):
        # All unknowns (≥ 0) on one side: that side's known part cannot exceed the other.
        if (left > right) if on_left else (right > left):
            return None
    if len(unknown) > 1:
        return False
    n = unknown[0]
    value = right - left if n < split else left - right
    if value < 0:
        return None
    key, i = members[n]
    cells[key][i] = value
    return True


def _agreement(readings: list[RowReading], solutions) -> Resolution:
    cells: dict[str, tuple[int | None, ...]] = {}
    uncertain: dict[str, tuple[bool, ...]] = {}
    for row in readings:
        if not row.candidates:
            cells[row.key] = (None,) * row.width
            uncertain[row.key] = (True,) * row.width
            continue
        if solutions:
            options = [solution[row.key] for solution in solutions]
        else:
            options = row.candidates  # the table's sums fail elsewhere: use this row's own
        if len(options) == 1:  # one reading: each cell is settled unless still unknown
            cells[row.key] = tuple(None if v is UNKNOWN else v for v in options[0])
            uncertain[row.key] = tuple(v is UNKNOWN for v in options[0])
            continue
        values, doubts = [], []
        for i in range(row.width):
            column = {option[i] for option in options}
            value = next(iter(column))
            settled = len(column) == 1 and value is not UNKNOWN
            values.append(value if settled else None)
            doubts.append(not settled)
        cells[row.key] = tuple(values)
        uncertain[row.key] = tuple(doubts)
    return Resolution(cells=cells, uncertain=uncertain, solutions=len(solutions))
