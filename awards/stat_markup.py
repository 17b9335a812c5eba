"""The statistics' table bodies and chart bars written in Python. Through the template engine a
bloc × year table (300 × 30 cells) and its chart cost hundreds of milliseconds of per-node
rendering; here each distinct value goes once through the engine's own `render_value_in_context`,
so the markup is exactly what `{{ value }}` in the templates would write."""

import html

from django.template import Context
from django.template.base import render_value_in_context
from django.utils.safestring import SafeString


class _Values:
    """`{{ value }}` of an autoescaping template, remembered per distinct value."""

    def __init__(self):
        self.context = Context(autoescape=True)
        self.seen = {}
        # Integers come out as str() unless the locale groups thousands: checked, not assumed.
        self.plain_ints = render_value_in_context(-1234567, self.context) == "-1234567"

    def __call__(self, value):
        if value.__class__ is int and self.plain_ints:  # most cells: skip the lookup
            return str(value)
        key = (type(value), value)
        text = self.seen.get(key)
        if text is None:
            text = self.seen[key] = self._render(value)
        return text

    def _render(self, value):
        kind = type(value)
        if kind is str:  # not localised; escaped as django.utils.html.escape does
            return html.escape(value)
        if kind is int and self.plain_ints:
            return str(value)
        return render_value_in_context(value, self.context)


def table_body(rows) -> SafeString:
    """The <tr>s of a statistics table: the first cell of a row heads it."""
    v = _Values()
    out = []
    for row in rows:
        cells = [f'<th scope="row">{v(row[0])}</th>'] if row else []
        cells += [f"<td>{v(cell)}</td>" for cell in row[1:]]
        out.append(f"<tr>{''.join(cells)}</tr>")
    return SafeString("".join(out))


def chart_bars(bars) -> SafeString:
    """The <g> of each bar of a chart (templates/awards/_bar_chart.html), one segment per series;
    `x` and `width` are written as by `stringformat:'s'` (never localised; str() of a number has
    nothing to escape)."""
    v = _Values()
    out = []
    for bar in bars:
        label, y, text_y, total = v(bar.label), v(bar.y), v(bar.text_y), v(bar.total)
        segments = []
        for s in bar.segments:
            series, value = v(s.series), v(s.value)
            segments.append(
                f'<rect class="{v(s.css)}" x="{s.x}" y="{y}" width="{s.width}" height="16" '
                f'data-series="{series}" data-value="{value}">'
                f"<title>{label} – {series}: {value}</title></rect>"
            )
        out.append(
            f'\n    <g class="chart-bar" data-label="{label}" data-total="{total}">\n'
            f'      <text class="chart-label" x="4" y="{text_y}">{label}</text>\n'
            f"      {''.join(segments)}\n"
            f'      <text class="chart-value" x="{bar.total_x}" y="{text_y}">{total}</text>\n'
            f"    </g>\n    "
        )
    return SafeString("".join(out))
