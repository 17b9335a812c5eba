"""Server-rendered SVG bar charts (templates/awards/_bar_chart.html): no script and no inline
style, so they draw under the site's Content-Security-Policy. A chart is computed from its
StatTable — one bar per row, one segment per series column — so it cannot disagree with it."""

from dataclasses import dataclass

LABEL_WIDTH = 230
BAR_AREA = 460
VALUE_WIDTH = 70
ROW_HEIGHT = 22
BAR_HEIGHT = 16
TOP = 8
SERIES_CLASSES = 6  # .chart-s0 … .chart-s5 in site.css, reused in turn


@dataclass
class Segment:
    series: str
    value: int
    x: float
    width: float
    css: str


@dataclass
class Bar:
    label: str
    y: int
    text_y: int
    total: int
    total_x: float
    segments: list


@dataclass
class Chart:
    key: str
    title: str
    width: int
    height: int
    bars: list
    legend: list  # [(series name, css class)]
    note: str = ""  # says when only the table's first rows are drawn


def _short(label, limit=34):
    label = str(label)
    return label if len(label) <= limit else label[: limit - 1] + "…"


def bar_chart(table) -> Chart | None:
    """The horizontal (stacked when several series) bar chart of `table`, or None."""
    if not table.has_chart:
        return None
    names = [table.headers[i] for i in table.series]
    css = [f"chart-s{n % SERIES_CLASSES}" for n in range(len(names))]
    # Hundreds of bars are read by nobody: a long table's chart draws its largest rows.
    rows = table.rows[: table.chart_rows] if table.chart_rows else table.rows
    note = ""
    if len(rows) < len(table.rows):
        note = (
            f"Biểu đồ vẽ {len(rows)} dòng có tổng lớn nhất; "
            f"bảng bên cạnh có đủ {len(table.rows)} dòng."
        )
    largest = max((sum(row[i] or 0 for i in table.series) for row in rows), default=0)
    scale = BAR_AREA / largest if largest else 0
    bars = []
    for n, row in enumerate(rows):
        y = TOP + n * ROW_HEIGHT
        x = float(LABEL_WIDTH)
        segments = []
        for name, klass, i in zip(names, css, table.series, strict=True):
            value = row[i] or 0
            width = round(value * scale, 2)
            segments.append(Segment(name, value, round(x, 2), width, klass))
            x += width
        total = sum(s.value for s in segments)
        bars.append(Bar(_short(row[0]), y, y + BAR_HEIGHT - 3, total, round(x + 4, 2), segments))
    height = TOP * 2 + len(bars) * ROW_HEIGHT
    return Chart(
        table.key,
        table.title,
        LABEL_WIDTH + BAR_AREA + VALUE_WIDTH,
        height,
        bars,
        list(zip(names, css, strict=True)) if len(names) > 1 else [],
        note,
    )
