"""The one helper that says whether a year lies in a period."""

import pytest

from thidua.years import in_period


@pytest.mark.parametrize(
    "year, start, end, inside",
    [
        (2015, 2015, 2020, True),
        (2020, 2015, 2020, True),
        (2014, 2015, 2020, False),
        (2021, 2015, 2020, False),
        (1990, None, 2020, True),
        (2100, 2015, None, True),
        (2000, None, None, True),
    ],
)
def test_a_year_in_a_period_with_open_bounds(year, start, end, inside):
    assert in_period(year, start, end) is inside
