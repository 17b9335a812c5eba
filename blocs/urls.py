from . import event_urls, registry_urls

app_name = "blocs"
# Two route modules so the registry pages and the event pages can grow apart.
urlpatterns = registry_urls.urlpatterns + event_urls.urlpatterns
