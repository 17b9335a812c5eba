from django.urls import path

from . import assessment_urls, event_urls, registry_urls, views

app_name = "blocs"
# Route modules so the registry pages, the event pages and the assessments can grow apart.
urlpatterns = (
    [path("nam/", views.year_list, name="years")]  # the index of the year pages (/nam/<year>/)
    + registry_urls.urlpatterns
    + event_urls.urlpatterns
    + assessment_urls.urlpatterns
)
