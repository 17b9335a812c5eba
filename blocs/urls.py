from . import assessment_urls, event_urls, registry_urls

app_name = "blocs"
# Route modules so the registry pages, the event pages and the assessments can grow apart.
urlpatterns = registry_urls.urlpatterns + event_urls.urlpatterns + assessment_urls.urlpatterns
