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
    Award,
    AwardQuerySet,
    Decision,
    DecisionQuerySet,
)
from .dossiers import (
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
from .rules import (
    InForceQuerySet,
    LegalRegime,
    Rule,
    year_reference_date,
)

__all__ = [
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
    "CouncilVote",
    "Decision",
    "DecisionKind",
    "DecisionQuerySet",
    "InForceQuerySet",
    "LegalRegime",
    "Nomination",
    "NominationQuerySet",
    "Override",
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
    "year_reference_date",
]
