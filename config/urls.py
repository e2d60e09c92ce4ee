from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import URLPattern, URLResolver, include, path

urlpatterns: list[URLPattern | URLResolver] = [
    path("admin/", admin.site.urls),
]
if settings.AWAZ_SERVE_MEDIA:
    urlpatterns.append(path("media/", include("awaz.core.media")))
urlpatterns += i18n_patterns(
    path("", include("awaz.public.urls")),
    path("accounts/", include("awaz.dashboard.account_urls")),
    path("dashboard/", include("awaz.dashboard.urls")),
    prefix_default_language=True,
)
