"""How many SQL queries a page may run, whatever the data size (issue 18's bound): ten, and the
pages that need more declared here once, with the reason. `manage.py audit_pages` and its test
(tests/thidua/test_page_audit.py) crawl the demo as every role and hold each page to its bound;
`manage.py bench` prints the bound beside each page it measures. The counts include the session,
the account and its roles (three queries on a staff page). Imports no app."""

QUERY_BOUND = 10

# A signed-in visitor of a public page adds the session, the account, its roles and, for a bloc
# leader's staff, whether their unit leads the bloc shown (to offer its buttons).
SIGNED_IN_QUERIES = 4

_HISTORY = "a record's history with that of the records edited on its form (its inlines)"
_VERSION = "a past version of a record, its form rebuilt as it was, with its inlines' versions"

# URL name -> (bound, why it needs more than QUERY_BOUND). Each count is constant in the data
# size: one plain query per kind of record shown (prefetch_related), never one per row.
ABOVE_BOUND = {
    # Public pages (anonymous visitor).
    "blocs:event": (
        15,
        "the event page: one query per kind of record (12), the awards answering its honours",
    ),
    "search": (14, "one query per kind of record searched, and the decisions and documents cited"),
    # Staff pages.
    "awards:dashboard": (
        16,
        "the bloc leader's dashboard: the rules in force and one query per kind of fact they "
        "judge, read once for the page whatever the number of blocs led",
    ),
    "awards:queue": (
        14,
        "the reviewer's queue: the rules in force and one query per kind of fact they judge",
    ),
    "awards:detail": (
        16,
        "the reviewer's dossier page: the dossier, its log and council votes (which the rules "
        "judge too), the rules in force and one query per kind of fact they judge, and whether "
        "the reviewer's unit leads the proposing bloc (a reviewer of a unit that can lead one: "
        "16 at full scale)",
    ),
    "awards:bloc_action": (
        16,
        "the bloc leader's confirmation of a step, with the dossier's rule checks",
    ),
    "awards:edit": (11, "the dossier form, with the rule checks of its award type"),
    "blocs:assessment": (
        18,
        "an assessment version: criteria, scores, ballots, totals and its steps",
    ),
    "blocs:assessment_bloc_year": (15, "a bloc-year's assessment versions with the latest results"),
    "blocs:assessment_enter": (11, "the scoring page: criteria, members, scores and ballots"),
    "blocs:assessment_action": (11, "the confirmation of an assessment step, with its results"),
    # Admin forms with inlines, and the histories that follow the inlines.
    "admin:awards_nomination_change": (
        28,
        "the dossier form: its log, council votes and exceptions inline, its award type, unit, "
        "person and bloc fields, and the legal rules' checks shown beside it",
    ),
    "admin:blocs_event_change": (22, "the event form with its twelve inlines, one query per kind"),
    "admin:awards_legalregime_change": (
        16,
        "a legal regime with its rules inline and their award types",
    ),
    "admin:awards_proposal_change": (
        13,
        "a proposal with its event, recipient, award type and dossier",
    ),
    "admin:blocs_assessment_change": (
        14,
        "an assessment version with its scores and ballots inline",
    ),
    "admin:blocs_membership_change": (
        12,
        "a membership with its bloc-year, unit and representative",
    ),
    "admin:blocs_event_history": (36, _HISTORY + ": the event's twelve kinds of record"),
    "admin:awards_nomination_history": (22, _HISTORY),
    "admin:awards_proposal_history": (18, _HISTORY),
    "admin:blocs_blocyear_history": (17, _HISTORY),
    "admin:awards_transition_history": (14, _HISTORY),
    "admin:blocs_assessment_history": (14, _HISTORY),
    "admin:blocs_membership_history": (14, _HISTORY),
    "admin:units_person_history": (14, _HISTORY),
    "admin:blocs_pledge_history": (12, _HISTORY),
    "admin:units_position_history": (12, _HISTORY),
    "admin:awards_nomination_simple_history": (29, _VERSION),
    "admin:awards_proposal_simple_history": (19, _VERSION),
    "admin:awards_transition_simple_history": (13, _VERSION),
    "admin:blocs_membership_simple_history": (12, _VERSION),
}


def bound(url_name: str | None, *, signed_in_on_public_page: bool = False) -> int:
    """The most queries one render of the page named `url_name` may run."""
    declared = ABOVE_BOUND.get(url_name, (QUERY_BOUND, ""))[0]
    return declared + (SIGNED_IN_QUERIES if signed_in_on_public_page else 0)
