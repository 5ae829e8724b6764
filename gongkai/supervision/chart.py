"""A small line chart as inline SVG, drawn on the server (pure, no Django).

No JavaScript library and no CDN: intranet browsers render plain SVG. The chart has a
<title> and <desc>, and the page shows the same numbers as a table beside it for
screen readers and printing.
"""

from __future__ import annotations

from dataclasses import dataclass
from html import escape

PALETTE = ("#b4000f", "#0b4fa3", "#2e7d32", "#8a4b00", "#6a1b9a")


@dataclass(frozen=True)
class Series:
    label: str
    values: tuple[int, ...]


TICKS = 4  # intervals on the y-axis


def nice_step(n: int) -> int:
    """The smallest of 1, 2, 5, 10, 20, 50… that is ≥ n."""
    step = 1
    while True:
        for factor in (1, 2, 5):
            if step * factor >= n:
                return step * factor
        step *= 10


def axis_ticks(peak_value: int) -> list[int]:
    """Evenly spaced whole-number ticks from 0 covering `peak_value`: 0, 2, 4, 6, 8 for 5 —
    never 0, 1, 2, 3, 5."""
    step = nice_step(max(1, -(-peak_value // TICKS)))
    return [step * i for i in range(TICKS + 1)]


def line_chart(
    labels: list[str], series: list[Series], *, title: str, width: int = 720, height: int = 280
) -> str:
    # The right margin leaves room for half of the last x label, which is centred on its point.
    left, right, top, bottom = 44, 40, 16, 64
    plot_w, plot_h = width - left - right, height - top - bottom
    ticks = axis_ticks(max((v for s in series for v in s.values), default=0))
    peak = ticks[-1]
    count = max(len(labels), 1)

    def x(i: int) -> float:
        return left + (plot_w * i / (count - 1) if count > 1 else plot_w / 2)

    def y(v: int) -> float:
        return top + plot_h - plot_h * v / peak

    desc = "；".join(f"{s.label}：" + "、".join(f"{lab} {v}" for lab, v in zip(labels, s.values, strict=False)) for s in series)
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" role="img" '
        f'aria-labelledby="chart-title chart-desc" class="chart" preserveAspectRatio="xMidYMid meet">',
        f'<title id="chart-title">{escape(title)}</title><desc id="chart-desc">{escape(desc)}</desc>',
    ]
    for value in ticks:
        parts.append(
            f'<line x1="{left}" x2="{width - right}" y1="{y(value):.1f}" y2="{y(value):.1f}" stroke="#ddd"/>'
            f'<text x="{left - 6}" y="{y(value) + 4:.1f}" text-anchor="end" font-size="11" fill="#555">{value}</text>'
        )
    for i, label in enumerate(labels):
        parts.append(
            f'<text x="{x(i):.1f}" y="{top + plot_h + 16}" text-anchor="middle" font-size="11" fill="#555">{escape(label)}</text>'
        )
    for n, s in enumerate(series):
        colour = PALETTE[n % len(PALETTE)]
        points = " ".join(f"{x(i):.1f},{y(v):.1f}" for i, v in enumerate(s.values))
        parts.append(f'<polyline fill="none" stroke="{colour}" stroke-width="2" points="{points}"/>')
        for i, v in enumerate(s.values):
            parts.append(f'<circle cx="{x(i):.1f}" cy="{y(v):.1f}" r="3" fill="{colour}"><title>{escape(labels[i])} {escape(s.label)}：{v}</title></circle>')
        legend_x = left + n * 170
        parts.append(
            f'<rect x="{legend_x}" y="{height - 22}" width="12" height="12" fill="{colour}"/>'
            f'<text x="{legend_x + 16}" y="{height - 12}" font-size="12" fill="#222">{escape(s.label)}</text>'
        )
    parts.append("</svg>")
    return "".join(parts)
