from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import URLPattern, URLResolver, include, path

from awaz.dashboard.views import health
from awaz.i18n import views as i18n_views
from awaz.public import sitemaps
from awaz.public import views as public_views

urlpatterns: list[URLPattern | URLResolver] = [
    path("admin/", admin.site.urls),
    path("api/", include("awaz.api.urls")),
    path("petitions/<slug:slug>/count.json", public_views.petition_count, name="petition-count"),
    path("challenge/", public_views.challenge_new, name="challenge"),
    path("form-tokens/", public_views.form_tokens, name="form-tokens"),
    path("language/<str:code>/", i18n_views.language_choose, name="language-choose"),
    path("sitemap.xml", sitemaps.sitemap_xml, name="sitemap"),
    path("robots.txt", sitemaps.robots_txt, name="robots-txt"),
    path("healthz", health.healthz, name="healthz"),
]
if settings.AWAZ_SERVE_MEDIA:
    urlpatterns.append(path("media/", include("awaz.http.media")))
urlpatterns += i18n_patterns(
    path("", include("awaz.public.urls")),
    path("accounts/", include("awaz.dashboard.account_urls")),
    path("dashboard/moderation/", include("awaz.dashboard.moderation_urls")),
    path("dashboard/", include("awaz.dashboard.urls")),
    prefix_default_language=True,
)

# Error pages in the page's language; 503 with Retry-After while the database is unreachable.
handler400 = "awaz.http.errors.bad_request"
handler500 = "awaz.http.errors.server_error"
