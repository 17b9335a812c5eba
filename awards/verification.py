"""The permanent public page of a granted award (/xac-minh/<mã>/), the address its certificate's
QR code holds. Shows what the published decisions say: the award as its decision grants it, or,
once the revoking decision is published, that it was revoked (by which decision, when). A
revocation whose decision is not yet published leaves the page as it was (REVOCATION_IS_PUBLIC):
the page certifies published decisions only, and any other wording would disclose the unpublished
one. A code that does not exist, or whose decision is not published, answers the same 404 page."""

from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET

from thidua.codes import normalise
from thidua.middleware import free_text_params

from .documents.records import ledger_number
from .models import Award


def _not_found(request, code):
    return render(request, "awards/verify_missing.html", {"code": code}, status=404)


@require_GET
def verify(request, code):
    canonical = normalise(code)
    if not canonical:  # only spaces or dashes (/xac-minh/-/): the form where a code is typed
        return redirect("awards:verify_lookup")
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
    revoking = award.public_revocation
    return render(
        request,
        "awards/verify.html",
        {
            "award": award,
            "decision": award.decision,
            "document": award.decision.document,
            "ledger": ledger_number(award),
            "revoking": revoking,
        },
    )


@require_GET
@free_text_params("ma")
def lookup(request):
    """The form where a code read off a certificate is typed."""
    code = normalise(request.GET.get("ma", ""))
    if code:
        return redirect("awards:verify", code=code)
    return render(request, "awards/verify_lookup.html")
