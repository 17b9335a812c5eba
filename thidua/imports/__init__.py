"""Imports from Excel: read a workbook safely, match names, preview, confirm in one transaction.

Knows no app: each app declares its importers (units/imports.py, blocs/imports.py,
awards/imports.py) and registers them in its AppConfig.ready().
"""
