import rules

from thidua.predicates import can_enter_data, is_administrator, is_staff_role

rules.add_perm("units", is_staff_role)
for model in ["unit", "unitname", "person", "position"]:
    rules.add_perm(f"units.view_{model}", is_staff_role)
    rules.add_perm(f"units.add_{model}", can_enter_data)
    rules.add_perm(f"units.change_{model}", can_enter_data)
    rules.add_perm(f"units.delete_{model}", is_administrator)
for action in ["view", "add", "change", "delete"]:
    rules.add_perm(f"units.{action}_user", is_administrator)

# Groups are the roles: only administrators manage them.
rules.add_perm("auth", is_administrator)
for action in ["view", "add", "change", "delete"]:
    rules.add_perm(f"auth.{action}_group", is_administrator)
