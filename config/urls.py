from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.http import HttpRequest, HttpResponseBase
from django.urls import URLPattern, URLResolver, include, path, re_path
from django.views.decorators.http import require_safe
from django.views.static import serve


@require_safe
def media(request: HttpRequest, path: str) -> HttpResponseBase:
    """An upload: an image we re-encoded ourselves (awaz.core.images), under a random name."""
    return serve(request, path, document_root=str(settings.MEDIA_ROOT))


urlpatterns: list[URLPattern | URLResolver] = [
    path("admin/", admin.site.urls),
]
if settings.AWAZ_SERVE_MEDIA:
    urlpatterns.append(re_path(r"^media/(?P<path>.+)$", media))
urlpatterns += i18n_patterns(
    path("", include("awaz.public.urls")),
    path("accounts/", include("awaz.dashboard.account_urls")),
    path("dashboard/", include("awaz.dashboard.urls")),
    prefix_default_language=True,
)
