import io

import pytest
from django.core.management import call_command

from awards.models import Award, Nomination
from units.models import Unit


@pytest.mark.django_db
def test_bench_imports_reports_times_and_memory_and_leaves_nothing():
    units = Unit.objects.count()
    out = io.StringIO()
    call_command("bench_imports", proposals=12, decision=4, stdout=out)
    summary = out.getvalue().splitlines()[-1]
    assert summary.startswith("bench_imports: proposals_rows=12 ")
    assert "decision_rows=4 " in summary and "proposals_peak_mb=" in summary
    assert Unit.objects.count() == units
    assert not Nomination.objects.exists() and not Award.objects.exists()
