from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import URLPattern, URLResolver, include, path, re_path
from django.views.static import serve

urlpatterns: list[URLPattern | URLResolver] = [
    path("admin/", admin.site.urls),
]
if settings.AWAZ_SERVE_MEDIA:
    # Uploads are images we re-encoded ourselves (awaz.core.images), under random names.
    urlpatterns.append(
        re_path(r"^media/(?P<path>.+)$", serve, {"document_root": settings.MEDIA_ROOT})
    )
urlpatterns += i18n_patterns(
    path("", include("awaz.public.urls")),
    path("accounts/", include("awaz.dashboard.account_urls")),
    path("dashboard/", include("awaz.dashboard.urls")),
    prefix_default_language=True,
)
