import rules

from thidua.predicates import can_enter_data, is_administrator, is_staff_role

rules.add_perm("blocs", is_staff_role)
for model in ["bloc", "blocyear", "membership", "document", "event"]:
    rules.add_perm(f"blocs.view_{model}", is_staff_role)
    rules.add_perm(f"blocs.add_{model}", can_enter_data)
    rules.add_perm(f"blocs.change_{model}", can_enter_data)
    rules.add_perm(f"blocs.delete_{model}", is_administrator)
