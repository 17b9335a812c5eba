"""Admin permissions of thidua's own models: the Word templates are replaced by administrators."""

import rules

from .predicates import is_administrator, is_staff_role

rules.add_perm("thidua", is_administrator)
rules.add_perm("thidua.view_documenttemplate", is_staff_role)
for action in ("add", "change", "delete"):
    rules.add_perm(f"thidua.{action}_documenttemplate", is_administrator)
