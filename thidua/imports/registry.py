"""The importers the apps declare (in their AppConfig.ready), in the order they registered."""

_importers = {}


def register(importer):
    _importers[importer.kind] = importer
    return importer


def all_importers():
    return list(_importers.values())


def get(kind):
    return _importers.get(kind)


def open_to(user):
    if not (user and user.is_authenticated):
        return []
    return [importer for importer in _importers.values() if importer.may_open(user)]


def in_navigation(user):
    if not (user and user.is_authenticated):
        return False
    return any(importer.in_navigation(user) for importer in _importers.values())
