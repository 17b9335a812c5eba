import rules  # noqa: F401  (award permissions are added with the awards models)
