"""The site itself: where its files live, its address and name, its apps, middleware, templates."""

from pathlib import Path

from config.env import env_bool, env_list, env_secret, env_str

BASE_DIR = Path(__file__).resolve().parent.parent.parent
VAR_DIR = Path(env_str("AWAZ_VAR_DIR", str(BASE_DIR / "var")))

DEBUG = env_bool("DEBUG", default=False)
SECRET_KEY = env_secret("SECRET_KEY", VAR_DIR)
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "127.0.0.1,localhost")


def _local_site_url() -> str:
    """Without SITE_URL, the address bin/serve listens on (HOST, PORT), so that `PORT=8080 make run`
    mails links to 8080; a wildcard HOST is reached on the loopback address."""
    host = env_str("HOST", "127.0.0.1").strip() or "127.0.0.1"
    if host in {"0.0.0.0", "::", "[::]"}:  # noqa: S104  # nosec B104 - compared, never bound
        host = "127.0.0.1"
    if ":" in host and not host.startswith("["):
        host = f"[{host}]"
    return f"http://{host}:{env_str('PORT', '8000').strip() or '8000'}"


# The public address, used in e-mails and absolute links (no trailing slash).
SITE_URL = (env_str("SITE_URL").strip() or _local_site_url()).rstrip("/")
SITE_NAME = env_str("SITE_NAME", "Awaz")

INSTALLED_APPS = [
    # Django's admin, as a site that only verified admins reach (awaz.accounts.admin_site).
    "awaz.accounts.admin_config.StaffAdminConfig",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",  # its templates: sitemap.xml (awaz.public.sitemaps)
    "django_tasks_db",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "awaz.core",
    "awaz.i18n",
    "awaz.jobs",
    "awaz.http",
    "awaz.privacy",
    "awaz.accounts",
    "awaz.organizations",
    "awaz.petitions",
    "awaz.signatures",
    "awaz.audit",
    "awaz.moderation",
    "awaz.discovery",
    "awaz.webhooks",
    "awaz.public",
    "awaz.demo",
    "awaz.dashboard",
    "awaz.api",
]

MIDDLEWARE = [
    # First, so that every log line of the request carries its id.
    "awaz.http.requestid.RequestIdMiddleware",
    # gzip, outside everything that sets cookies and Cache-Control: it compresses only the
    # pages that hold no reader's secret (awaz/http/compression.py says why).
    "awaz.http.compression.AnonymousPageCompressionMiddleware",
    # The JSON API's own edge: bodies over 64 KB, rate limits, problem+json errors, CORS.
    "awaz.api.edge.ApiEdgeMiddleware",
    # Before anything reads the body: too large (413) or not UTF-8 (400).
    "awaz.http.requestlimits.RequestLimitsMiddleware",
    # Control characters (ANSI escapes, bidi overrides) out of every submitted field.
    "awaz.http.textinput.CleanTextMiddleware",
    "django.middleware.security.SecurityMiddleware",
    # Outside CsrfViewMiddleware: it sees the CSRF cookie that marks a page with a form.
    "awaz.http.headers.SecurityHeadersMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    "awaz.http.onion.OnionLocationMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "awaz.i18n.language_prefix.LocaleMiddleware",  # Django's, with our language choice
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # request.user.is_verified(): passed the second step of two-factor login in this session.
    "django_otp.middleware.OTPMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "awaz.accounts.middleware.StaffIdleTimeoutMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # With read replicas: a browser that just wrote reads the primary for a few seconds.
    "awaz.core.replicas.PinAfterWriteMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.csp",
                "awaz.core.context_processors.site",
            ],
        },
    },
]
