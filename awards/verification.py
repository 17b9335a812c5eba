"""The permanent public page of a granted award (/xac-minh/<mã>/), the address its certificate's
QR code holds. Shows what the published decision says, or that the award was revoked; a code
that does not exist, or whose decision is not published, answers the same 404 page."""

from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET

from thidua.codes import normalise

from .documents.records import ledger_number
from .models import Award


def _not_found(request, code):
    return render(request, "awards/verify_missing.html", {"code": code}, status=404)


@require_GET
def verify(request, code):
    canonical = normalise(code)
    if canonical != code:
        return redirect("awards:verify", code=canonical)
    award = (
        Award.objects.public()
        .with_related()
        .select_related("decision__signer")
        .filter(verification_code=canonical)
        .first()
    )
    if award is None:
        return _not_found(request, canonical)
    revoking = award.revoked_by if award.revoked_by_id else None
    return render(
        request,
        "awards/verify.html",
        {
            "award": award,
            "decision": award.decision,
            "document": award.decision.document,
            "ledger": ledger_number(award),
            "revoked": revoking is not None,
            "revoking": revoking if revoking and revoking.is_published else None,
        },
    )


@require_GET
def lookup(request):
    """The form where a code read off a certificate is typed."""
    code = normalise(request.GET.get("ma", ""))
    if code:
        return redirect("awards:verify", code=code)
    return render(request, "awards/verify_lookup.html")
