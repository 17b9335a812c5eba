"""Award catalogue, legal rules, dossiers, decisions and awards. One module per aggregate; import
from here."""

from .catalogue import (
    AwardType,
)
from .certificates import (
    Align,
    CertificateElement,
    CertificateField,
    CertificateLayout,
    CertificateMode,
)
from .decisions import (
    AWARD_OUTSIDE_WORKFLOW_IS_HISTORICAL,
    AWARD_OUTSIDE_WORKFLOW_MESSAGE,
    Award,
    AwardQuerySet,
    Decision,
    DecisionQuerySet,
)
from .dossiers import (
    DUPLICATE_RULE,
    ENDED_STATES,
    LIVE_DOSSIER_CONSTRAINTS,
    LIVE_DOSSIER_MESSAGE,
    RECIPIENT_XOR,
    RECIPIENT_XOR_MESSAGE,
    AwardRecord,
    CouncilVote,
    Nomination,
    NominationQuerySet,
    Override,
    Proposal,
    RecipientMixin,
    Transition,
)
from .enums import (
    Action,
    AwardCategory,
    AwardLevel,
    DecisionKind,
    RecipientKind,
    RuleKind,
    ShareBase,
    Status,
    VoteBase,
)
from .prizes import (
    BaseSalary,
    PrizeCoefficient,
    prize_amount,
)
from .rules import (
    InForceQuerySet,
    LegalRegime,
    Rule,
    year_reference_date,
)
from .submissions import FormSubmission, new_token
from .tallies import (
    AwardBlocTally,
    AwardTally,
    AwardTypeTally,
    DecisionTimeTally,
    NominationTally,
)

__all__ = [
    "AwardTally",
    "AwardBlocTally",
    "AwardTypeTally",
    "DecisionTimeTally",
    "NominationTally",
    "AWARD_OUTSIDE_WORKFLOW_IS_HISTORICAL",
    "AWARD_OUTSIDE_WORKFLOW_MESSAGE",
    "Align",
    "CertificateElement",
    "CertificateField",
    "CertificateLayout",
    "CertificateMode",
    "Action",
    "Award",
    "AwardCategory",
    "AwardLevel",
    "AwardQuerySet",
    "AwardRecord",
    "AwardType",
    "BaseSalary",
    "CouncilVote",
    "Decision",
    "DecisionKind",
    "DUPLICATE_RULE",
    "ENDED_STATES",
    "LIVE_DOSSIER_CONSTRAINTS",
    "LIVE_DOSSIER_MESSAGE",
    "DecisionQuerySet",
    "FormSubmission",
    "InForceQuerySet",
    "LegalRegime",
    "Nomination",
    "NominationQuerySet",
    "Override",
    "PrizeCoefficient",
    "Proposal",
    "RECIPIENT_XOR",
    "RECIPIENT_XOR_MESSAGE",
    "RecipientKind",
    "RecipientMixin",
    "Rule",
    "RuleKind",
    "ShareBase",
    "Status",
    "Transition",
    "VoteBase",
    "new_token",
    "prize_amount",
    "year_reference_date",
]
