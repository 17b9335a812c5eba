"""`manage.py bench_documents` (run by `make bench`): measures the annex and the batch PDF on the
database's own units, prints the summary line, and leaves nothing behind."""

import pytest
from django.core.management import call_command

from awards.models import Award, Decision
from tests.factories import UnitFactory

pytestmark = pytest.mark.django_db


def test_bench_documents_measures_both_documents_and_rolls_back(reviewer, capsys):
    UnitFactory.create_batch(6)
    call_command("bench_documents", "--recipients=5", "--certificates=3", "--repeat=1")
    lines = capsys.readouterr().out.strip().splitlines()
    assert lines[0].startswith("Danh sách kèm QĐ (5 người), Word") and " 200 " in lines[0]
    assert int(lines[0].split("truy vấn")[1].split()[0]) > 0
    assert lines[1].startswith("In 3 bằng khen một lần, PDF") and " 200 " in lines[1]
    assert lines[-1].startswith("bench_documents: annex_5_ms=")
    assert "certificates_3_ms=" in lines[-1] and "certificates_peak_mb=" in lines[-1]
    assert not Decision.objects.exists() and not Award.objects.exists()
