from django.urls import URLPattern, URLResolver, path, re_path

from awaz.api import docs, organization, public
from awaz.api.api import api

api.add_router("/", public.router)
api.add_router("/organization", organization.router)

urlpatterns: list[URLPattern | URLResolver] = [
    path("v1/", api.urls),
    path("docs/", docs.api_docs, name="api-docs"),
    # Anything else under /api/ is a problem (404), not an HTML page.
    re_path(r"^.*$", docs.not_found, name="api-not-found"),
]
