from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import URLPattern, URLResolver, include, path

urlpatterns: list[URLPattern | URLResolver] = [
    path("admin/", admin.site.urls),
]
urlpatterns += i18n_patterns(
    path("", include("awaz.public.urls")),
    prefix_default_language=True,
)
