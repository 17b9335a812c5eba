"""Form data for each workflow step (by its form class), shared by the registry walk and the probe:
a new step with a new form needs one entry here, and both test modules cover it."""

from awards import eligibility, forms


def step_data(step, nomination, world):
    """The POST data a user would send for `step` on `nomination` (without the version)."""
    data = {"confirm": "on", "reason": "Lý do thử nghiệm"}
    form = step.form_class
    if form is forms.CouncilVoteForm:
        data.update(
            held_on="10/01/2026", votes_for="9", votes_against="1", present="10", council_size="11"
        )
    elif form is forms.DecisionForm:
        data.update(
            number=f"{nomination.pk}/QĐ-BKHCN", issued_on="20/01/2026", signer_name="Người ký"
        )
    elif form is forms.OverrideForm:
        # A rule that applies to this dossier (the form offers only those).
        data.update(
            rule=eligibility.check(nomination)[0].rule.pk,
            document_number="15/QĐ-BKHCN",
            document_date="05/01/2026",
        )
    elif form is forms.AssignReviewerForm:
        data.update(reviewer=world.reviewer.pk)
    elif form is not forms.ConfirmForm:
        raise AssertionError(f"no test data for {form.__name__}: add it here")
    return data
