"""Awaz settings: one module, driven by environment variables (documented in `.env.example`).

The defaults run a single machine on SQLite with DEBUG off; production sets `AWAZ_HTTPS=1`,
`DATABASE_URL`, `REDIS_URL` and the keys.
"""

from pathlib import Path

import dj_database_url
from django.utils.csp import CSP

from awaz.core import languages
from config.env import (
    env_bool,
    env_int,
    env_list,
    env_networks,
    env_secret,
    env_str,
    mailer_from_url,
    secrets_from_files,
)

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = Path(env_str("AWAZ_VAR_DIR", str(BASE_DIR / "var")))

DEBUG = env_bool("DEBUG", default=False)
SECRET_KEY = env_secret("SECRET_KEY", VAR_DIR)
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "127.0.0.1,localhost")
# The public address, used in e-mails and absolute links (no trailing slash).
SITE_URL = env_str("SITE_URL", "http://127.0.0.1:8000").rstrip("/")
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
    "awaz.accounts",
    "awaz.organizations",
    "awaz.petitions",
    "awaz.signatures",
    "awaz.audit",
    "awaz.moderation",
    "awaz.discovery",
    "awaz.public",
    "awaz.demo",
    "awaz.dashboard",
]

MIDDLEWARE = [
    # First, so that every log line of the request carries its id.
    "awaz.core.requestid.RequestIdMiddleware",
    # Before anything reads the body: too large (413) or not UTF-8 (400).
    "awaz.core.requestlimits.RequestLimitsMiddleware",
    # Control characters (ANSI escapes, bidi overrides) out of every submitted field.
    "awaz.core.textinput.CleanTextMiddleware",
    "django.middleware.security.SecurityMiddleware",
    # Outside CsrfViewMiddleware: it sees the CSRF cookie that marks a page with a form.
    "awaz.core.headers.SecurityHeadersMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    "awaz.core.onion.OnionLocationMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "awaz.core.language_prefix.LocaleMiddleware",  # Django's, with our language choice
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # request.user.is_verified(): passed the second step of two-factor login in this session.
    "django_otp.middleware.OTPMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "awaz.accounts.middleware.StaffIdleTimeoutMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
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

# --- Database -------------------------------------------------------------------------------
DATABASES = {
    "default": dj_database_url.parse(
        env_str("DATABASE_URL", f"sqlite:///{VAR_DIR / 'awaz.sqlite3'}"),
        conn_max_age=env_int("DB_CONN_MAX_AGE", 600, minimum=0),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"]["OPTIONS"] = {
        # Writers take the lock at BEGIN, so two signers never deadlock on an upgrade.
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
        # WAL (readers never wait for the writer) is switched on once per file, see
        # awaz.core.db; synchronous=FULL makes each commit survive a power cut.
        "init_command": "PRAGMA synchronous=FULL;",
    }
    # A file, not memory: live-server threads then open and close their own connections.
    DATABASES["default"]["TEST"] = {"NAME": str(VAR_DIR / "test-awaz.sqlite3")}
# Read replicas (PostgreSQL streaming replicas), comma-separated URLs: the public pages that
# show no one's own writes read from them (awaz.core.replicas); everything else uses "default".
for _index, _url in enumerate(env_list("DATABASE_REPLICA_URLS")):
    DATABASES[f"replica{_index}"] = {
        **dj_database_url.parse(
            _url,
            conn_max_age=env_int("DB_CONN_MAX_AGE", 600, minimum=0),
            conn_health_checks=True,
        ),
        "TEST": {"MIRROR": "default"},
    }
DATABASE_ROUTERS = ["awaz.core.replicas.ReplicaRouter"]
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# --- Cache ----------------------------------------------------------------------------------
REDIS_URL = env_str("REDIS_URL")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": env_str("CACHE_KEY_PREFIX", "awaz"),
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

# --- Background work ------------------------------------------------------------------------
TASKS = {
    "default": {
        "BACKEND": "django_tasks_db.DatabaseBackend",
        "QUEUES": ["default"],
    }
}

# --- E-mail -------------------------------------------------------------------------------
# EMAIL_URL: smtp://user:password@host:587?tls=1 (STARTTLS), smtps://...:465 (TLS from the
# start), or empty to write every message to the worker's console log.
MAILERS = {"default": mailer_from_url(env_str("EMAIL_URL"))}
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "Awaz <noreply@localhost>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# --- Languages ------------------------------------------------------------------------------
LANGUAGE_CODE = languages.DEFAULT
LANGUAGES = [(language.code, language.name) for language in languages.LANGUAGES]
LANGUAGES_BIDI = [language.code for language in languages.LANGUAGES if language.bidi]
# Ours first: it also holds the Latin and Cyrillic Uyghur catalogs generated from `ug` (and from
# Django's own), so that gettext never falls back to Arabic script on a Latin or Cyrillic page.
LOCALE_PATHS = [BASE_DIR / "locale"]
FORMAT_MODULE_PATH = ["awaz.core.formats"]
# The language a reader picks with the switcher, remembered for a year; an address's prefix wins.
LANGUAGE_COOKIE_NAME = "awaz_language"
LANGUAGE_COOKIE_AGE = 365 * 24 * 3600
LANGUAGE_COOKIE_SECURE = env_bool("AWAZ_HTTPS", default=False)
LANGUAGE_COOKIE_SAMESITE = "Lax"
USE_I18N = True
USE_TZ = True
TIME_ZONE = "UTC"

# --- Static files ---------------------------------------------------------------------------
STATIC_URL = "/static/"
STATIC_ROOT = VAR_DIR / "static"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": env_str(
            "STATICFILES_STORAGE",
            "whitenoise.storage.CompressedManifestStaticFilesStorage",
        )
    },
}
MEDIA_ROOT = VAR_DIR / "media"
MEDIA_URL = "/media/"

# --- Security -------------------------------------------------------------------------------
HTTPS = env_bool("AWAZ_HTTPS", default=False)
SECURE_SSL_REDIRECT = HTTPS
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https") if HTTPS else None
SECURE_HSTS_SECONDS = 31_536_000 if HTTPS else 0
SECURE_HSTS_INCLUDE_SUBDOMAINS = HTTPS
# "preload" lets browsers ship the domain as HTTPS-only. Only the domain's owner can take that
# back (slowly), so an operator on a shared domain sets AWAZ_HSTS_PRELOAD=0: Django's warning
# about it (W021) is then silenced as a decision, not an oversight.
SECURE_HSTS_PRELOAD = env_bool("AWAZ_HSTS_PRELOAD", default=HTTPS)
SILENCED_SYSTEM_CHECKS = ["security.W021"] if HTTPS and not SECURE_HSTS_PRELOAD else []
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
# __Host- cookies need HTTPS; plain http on 127.0.0.1 keeps the ordinary names.
SESSION_COOKIE_NAME = "__Host-sessionid" if HTTPS else "sessionid"
CSRF_COOKIE_NAME = "__Host-csrftoken" if HTTPS else "csrftoken"
SESSION_COOKIE_SECURE = HTTPS
CSRF_COOKIE_SECURE = HTTPS
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"
SESSION_COOKIE_AGE = env_int("SESSION_IDLE_SECONDS", 1800, minimum=60)
SESSION_SAVE_EVERY_REQUEST = True
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")
X_FRAME_OPTIONS = "DENY"
# The onion service's origin (http://<name>.onion): HTML pages then send Onion-Location.
ONION_LOCATION = env_str("ONION_LOCATION")

# No request leaves the site: everything comes from 'self'.
SECURE_CSP = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF, CSP.NONCE],
    "style-src": [CSP.SELF],
    "img-src": [CSP.SELF],
    "font-src": [CSP.SELF],
    "connect-src": [CSP.SELF],
    "form-action": [CSP.SELF],
    "object-src": [CSP.NONE],
    "base-uri": [CSP.NONE],
    "frame-ancestors": [CSP.NONE],
}

AUTH_USER_MODEL = "accounts.User"
# An account logs in only once its e-mail address is confirmed.
AUTHENTICATION_BACKENDS = ["awaz.accounts.backends.VerifiedEmailBackend"]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
# Failed log-ins (wrong password, unknown address alike): after this many in a window, per
# address and per network (a keyed digest, never the IP), the log-in form refuses until the
# window ends. Counted in the cache, so several processes need REDIS_URL.
AWAZ_LOGIN_FAILURES_PER_ACCOUNT = env_int("AWAZ_LOGIN_FAILURES_PER_ACCOUNT", 5, minimum=1)
AWAZ_LOGIN_FAILURES_PER_NETWORK = env_int("AWAZ_LOGIN_FAILURES_PER_NETWORK", 30, minimum=1)
AWAZ_LOGIN_FAILURE_WINDOW_SECONDS = env_int("AWAZ_LOGIN_FAILURE_WINDOW_SECONDS", 900, minimum=1)
# Moderators and admins: logged out after this long without a request (organizers keep the
# ordinary SESSION_IDLE_SECONDS), and named in authenticator apps by the site's name.
AWAZ_STAFF_IDLE_SECONDS = env_int("AWAZ_STAFF_IDLE_SECONDS", 1800, minimum=60)
OTP_TOTP_ISSUER = SITE_NAME
# The admin never shows a member of staff's app key or backup codes (only deleting the devices).
OTP_ADMIN_HIDE_SENSITIVE_DATA = True
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]

# --- Logging: request facts only, never addresses, names or tokens ---------------------------
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {
        "plain": {"format": "%(asctime)s %(levelname)s [%(request_id)s] %(name)s %(message)s"}
    },
    "filters": {
        "request_id": {"()": "awaz.core.requestid.RequestIdFilter"},
        "redact": {"()": "awaz.core.logs.RedactPersonalData"},
    },
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "formatter": "plain",
            "filters": ["request_id", "redact"],
        }
    },
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "INFO")},
    "loggers": {
        # Not Django's default mail_admins: an error report carries the whole request, with
        # the signer's name, address and IP, to a mailbox we do not control. Logs have the id.
        "django": {"handlers": [], "level": "INFO"},
        # Django logs the full path of a 4xx; paths may carry tokens, so keep it quiet.
        "django.request": {"level": "ERROR"},
        "django.server": {"level": "ERROR"},
        # SQL parameters are names, comments and addresses: never logged, even at DEBUG.
        "django.db.backends": {"level": "INFO"},
        # WeasyPrint (delivery PDFs) reports each step of every document at INFO.
        "weasyprint": {"level": "WARNING"},
        "fontTools": {"level": "WARNING"},
    },
}

# --- Awaz -----------------------------------------------------------------------------------
# Anonymous readers get the petition page from a cache at most this many seconds old (0: off).
AWAZ_PAGE_CACHE_SECONDS = env_int("AWAZ_PAGE_CACHE_SECONDS", 5, minimum=0)
# How many of the organization's other petitions the petition page lists.
AWAZ_PREVIOUS_PETITIONS = env_int("AWAZ_PREVIOUS_PETITIONS", 5, minimum=0)
# How long a made share picture is kept; a new one is made anyway when its text or goal changes.
AWAZ_SHARE_IMAGE_SECONDS = env_int("AWAZ_SHARE_IMAGE_SECONDS", 7 * 24 * 3600, minimum=60)

# --- Signing and signer safety ----------------------------------------------------------------
# Keys of their own, never SECRET_KEY: the digest of signers' e-mail addresses, the digest of
# their networks, and the encryption of addresses at rest (newest first; older ones still read).
AWAZ_EMAIL_DIGEST_KEY = env_secret("AWAZ_EMAIL_DIGEST_KEY", VAR_DIR)
AWAZ_NETWORK_DIGEST_KEY = env_secret("AWAZ_NETWORK_DIGEST_KEY", VAR_DIR)
AWAZ_ENCRYPTION_KEYS = env_list("AWAZ_ENCRYPTION_KEYS") or [
    env_secret("AWAZ_ENCRYPTION_KEY", VAR_DIR)
]
# Those of the keys protecting signers' data that sit in files beside the database (var/secrets/),
# not in the environment: the privacy page says which is true (docs/operating.md, "Keys").
AWAZ_KEYS_IN_FILES = sorted(
    secrets_from_files()
    & {"AWAZ_EMAIL_DIGEST_KEY", "AWAZ_NETWORK_DIGEST_KEY", "AWAZ_ENCRYPTION_KEY"}
)
# X-Forwarded-For hops to trust (the number of reverse proxies in front of Awaz).
AWAZ_TRUSTED_PROXY_HOPS = env_int("AWAZ_TRUSTED_PROXY_HOPS", 0, minimum=0)
# Networks never rate-limited (shared exits such as a campus NAT), comma-separated CIDRs.
AWAZ_ALLOWED_NETWORKS = env_networks("AWAZ_ALLOWED_NETWORKS")
# Per petition and network: at most N signatures in a window; beyond that a signature is held
# for a moderator (not counted until released) unless it brings a solved puzzle, which the form
# then asks of that network.
AWAZ_SIGN_BURST_LIMIT = env_int("AWAZ_SIGN_BURST_LIMIT", 1, minimum=1)
AWAZ_SIGN_BURST_SECONDS = env_int("AWAZ_SIGN_BURST_SECONDS", 60, minimum=1)
AWAZ_SIGN_SUSTAINED_LIMIT = env_int("AWAZ_SIGN_SUSTAINED_LIMIT", 5, minimum=1)
AWAZ_SIGN_SUSTAINED_SECONDS = env_int("AWAZ_SIGN_SUSTAINED_SECONDS", 300, minimum=1)
# Hours a signature keeps the digest of its network (rate limits, trending), then it is erased.
AWAZ_NETWORK_DIGEST_HOURS = env_int("AWAZ_NETWORK_DIGEST_HOURS", 48, minimum=1)
# A form sent sooner than this after the page was served was not filled in by a person.
AWAZ_MIN_FILL_SECONDS = env_int("AWAZ_MIN_FILL_SECONDS", 2, minimum=0)
# The proof-of-work challenge: for every petition (else per petition), its difficulty (the
# largest number a browser may have to try), its own key, and the stricter limits for browsers
# that send no answer because they run no JavaScript (beyond them: held for a moderator).
AWAZ_CHALLENGE_EVERYWHERE = env_bool("AWAZ_CHALLENGE_EVERYWHERE", default=False)
AWAZ_CHALLENGE_MAX_NUMBER = env_int("AWAZ_CHALLENGE_MAX_NUMBER", 100_000, minimum=1000)
AWAZ_CHALLENGE_KEY = env_secret("AWAZ_CHALLENGE_KEY", VAR_DIR)
AWAZ_NOSCRIPT_BURST_LIMIT = env_int("AWAZ_NOSCRIPT_BURST_LIMIT", 1, minimum=1)
AWAZ_NOSCRIPT_BURST_SECONDS = env_int("AWAZ_NOSCRIPT_BURST_SECONDS", 600, minimum=1)
# The hour's caps per network (a keyed digest; all petitions): confirmation e-mails mailed to
# its signatures, then signatures stored at all. Over the mail cap a signature is stored but not
# mailed (signing again later mails it); over the stored cap nothing is kept. Both are silent.
# Generous enough for a community event behind one NAT; see docs/operating.md.
AWAZ_MAIL_PER_NETWORK_PER_HOUR = env_int("AWAZ_MAIL_PER_NETWORK_PER_HOUR", 600, minimum=1)
AWAZ_SIGN_STORED_PER_NETWORK_PER_HOUR = env_int(
    "AWAZ_SIGN_STORED_PER_NETWORK_PER_HOUR", 1500, minimum=1
)
# Per e-mail domain: confirmations still unconfirmed that were mailed in the last hour. Large
# providers are exempt (their real signers would be the first refused; the network cap and the
# trending alerts still apply to them), comma-separated, `*.example.com` for subdomains.
AWAZ_MAIL_PER_DOMAIN_PER_HOUR = env_int("AWAZ_MAIL_PER_DOMAIN_PER_HOUR", 1000, minimum=1)
AWAZ_MAIL_DOMAIN_CAP_EXEMPT = frozenset(
    domain.lower()
    for domain in env_list(
        "AWAZ_MAIL_DOMAIN_CAP_EXEMPT",
        "gmail.com,googlemail.com,outlook.com,hotmail.com,live.com,yahoo.com,icloud.com,"
        "proton.me,protonmail.com,gmx.de,gmx.net,web.de,yandex.com,mail.ru",
    )
)
# E-mails one address can receive about one petition, ever (no mail-bombing through the form).
AWAZ_MAX_EMAILS_PER_SIGNATURE = env_int("AWAZ_MAX_EMAILS_PER_SIGNATURE", 3, minimum=1)
# How long the links in a signer's e-mails work, in seconds (default 7 days).
AWAZ_TOKEN_MAX_AGE = env_int("AWAZ_TOKEN_MAX_AGE", 7 * 24 * 3600, minimum=60)
# Per-country (and per-region) counts smaller than this are never shown apart, anywhere.
AWAZ_K_ANONYMITY = env_int("AWAZ_K_ANONYMITY", 10, minimum=1)
# Personal data of signatures is deleted at the latest this many days after a petition closes.
AWAZ_RETENTION_DAYS = env_int("AWAZ_RETENTION_DAYS", 90, minimum=1)
# "My signatures": how long the e-mailed link works, how long the session it opens lasts, and
# how many such e-mails an address, and a network, can ask for in a day.
AWAZ_ACCESS_LINK_SECONDS = env_int("AWAZ_ACCESS_LINK_SECONDS", 3600, minimum=60)
AWAZ_ACCESS_SESSION_SECONDS = env_int("AWAZ_ACCESS_SESSION_SECONDS", 1800, minimum=60)
AWAZ_ACCESS_EMAILS_PER_DAY = env_int("AWAZ_ACCESS_EMAILS_PER_DAY", 3, minimum=1)
AWAZ_ACCESS_EMAILS_PER_NETWORK_PER_DAY = env_int(
    "AWAZ_ACCESS_EMAILS_PER_NETWORK_PER_DAY", 20, minimum=1
)
# Update e-mails to signers: messages per batch, and the pace (per minute) of a mailing.
AWAZ_UPDATE_BATCH = env_int("AWAZ_UPDATE_BATCH", 100, minimum=1)
AWAZ_UPDATE_EMAILS_PER_MINUTE = env_int("AWAZ_UPDATE_EMAILS_PER_MINUTE", 600, minimum=1)
# The version of the consent text on the sign form, stored with each signature.
AWAZ_CONSENT_VERSION = "2026-11"
# Counter shards per petition (see awaz/signatures/counting.py) and how often, in seconds, the
# published count catches up with confirmations.
AWAZ_COUNT_SHARDS = env_int("AWAZ_COUNT_SHARDS", 16, minimum=1)
AWAZ_COUNT_INTERVAL = env_int("AWAZ_COUNT_INTERVAL", 5, minimum=1)

# --- The worker -------------------------------------------------------------------------------
AWAZ_WORKER_BATCH = env_int("AWAZ_WORKER_BATCH", 50, minimum=1)
# A worker says it is alive every AWAZ_WORKER_HEARTBEAT seconds; one silent for
# AWAZ_WORKER_HEARTBEAT_TIMEOUT seconds is dead and its claimed tasks go back to the queue. A task
# still running after AWAZ_WORKER_LEASE seconds is freed whatever its worker says.
AWAZ_WORKER_HEARTBEAT = env_int("AWAZ_WORKER_HEARTBEAT", 2, minimum=1)
AWAZ_WORKER_HEARTBEAT_TIMEOUT = env_int("AWAZ_WORKER_HEARTBEAT_TIMEOUT", 15, minimum=2)
AWAZ_WORKER_LEASE = env_int("AWAZ_WORKER_LEASE", 300, minimum=1)
# Tasks other than e-mail give up after this many attempts; e-mail is retried until it expires.
AWAZ_WORKER_MAX_ATTEMPTS = env_int("AWAZ_WORKER_MAX_ATTEMPTS", 20, minimum=1)
AWAZ_WORKER_MAX_BACKOFF = env_int("AWAZ_WORKER_MAX_BACKOFF", 600, minimum=1)
# Every this many failed attempts of one task, the retry is logged as an error (not a warning).
AWAZ_WORKER_ALERT_EVERY = env_int("AWAZ_WORKER_ALERT_EVERY", 5, minimum=1)
# E-mail to organizers and staff that could not be delivered in this many seconds is given up
# (signers' confirmations expire with their link, AWAZ_TOKEN_MAX_AGE).
AWAZ_MAIL_MAX_AGE = env_int("AWAZ_MAIL_MAX_AGE", 259200, minimum=60)
# Finished tasks and sent e-mails' records are deleted after this many days (0: at the next
# hourly prune).
AWAZ_TASK_RESULT_DAYS = env_int("AWAZ_TASK_RESULT_DAYS", 1, minimum=0)
# /healthz answers to staff, and to monitors that send "Authorization: Bearer <this>" (empty:
# staff only). It reports 503 when mail has waited longer than AWAZ_HEALTH_MAIL_DELAY seconds.
AWAZ_HEALTH_TOKEN = env_str("AWAZ_HEALTH_TOKEN")
AWAZ_HEALTH_MAIL_DELAY = env_int("AWAZ_HEALTH_MAIL_DELAY", 600, minimum=1)
# --- Moderation (awaz.moderation) ------------------------------------------------------------
# Defaults: admins override the rate limits, the challenge switch and these thresholds live in
# the dashboard (moderation settings); what they leave empty falls back to the environment.
# A network or e-mail domain giving one petition this many signatures in an hour is a spike.
AWAZ_TRENDING_NETWORK_PER_HOUR = env_int("AWAZ_TRENDING_NETWORK_PER_HOUR", 100, minimum=1)
AWAZ_TRENDING_DOMAIN_PER_HOUR = env_int("AWAZ_TRENDING_DOMAIN_PER_HOUR", 200, minimum=1)
AWAZ_TRENDING_INTERVAL = env_int("AWAZ_TRENDING_INTERVAL", 600, minimum=10)
# Reports of petitions or comments accepted per network per hour.
AWAZ_REPORTS_PER_NETWORK_PER_HOUR = env_int("AWAZ_REPORTS_PER_NETWORK_PER_HOUR", 5, minimum=1)
# How long a web process may use the lists and limits before reading them again (a save clears
# them at once where the cache is shared, i.e. Redis).
AWAZ_POLICY_CACHE_SECONDS = env_int("AWAZ_POLICY_CACHE_SECONDS", 30, minimum=0)

# Periodic jobs: dotted path -> seconds between runs; each interval runs once, on one worker.
AWAZ_SCHEDULE = {
    "awaz.signatures.tasks.fold_signature_counts": AWAZ_COUNT_INTERVAL,
    "awaz.signatures.tasks.purge_network_digests": 600,
    "awaz.core.once.forget_expired": 3600,
    "awaz.petitions.housekeeping.petitions_close_expired": 60,
    "awaz.signatures.retention.purge_past_retention": 3600,
    "awaz.moderation.tasks.compute_trending": AWAZ_TRENDING_INTERVAL,
    "awaz.discovery.tasks.refresh_trending": 3600,
    "awaz.core.tasks.prune_finished_tasks": 3600,
}

# --- The organizers' workspace (awaz.dashboard) -----------------------------------------------
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "dashboard:home"
LOGOUT_REDIRECT_URL = "public:home"
# How long the links in account and invitation e-mails work.
AWAZ_EMAIL_VERIFICATION_SECONDS = env_int("AWAZ_EMAIL_VERIFICATION_SECONDS", 3 * 86400, minimum=60)
PASSWORD_RESET_TIMEOUT = env_int("AWAZ_PASSWORD_RESET_SECONDS", 3600, minimum=60)
AWAZ_INVITATION_DAYS = env_int("AWAZ_INVITATION_DAYS", 7, minimum=1)
# Uploaded images (petition images, logos): refused above these sizes, then resized to fit.
AWAZ_IMAGE_MAX_BYTES = env_int("AWAZ_IMAGE_MAX_BYTES", 10 * 1024 * 1024, minimum=1024)
AWAZ_IMAGE_MAX_PIXELS = env_int("AWAZ_IMAGE_MAX_PIXELS", 40_000_000, minimum=10_000)
AWAZ_IMAGE_MAX_SIDE = env_int("AWAZ_IMAGE_MAX_SIDE", 1600, minimum=100)
AWAZ_LOGO_MAX_SIDE = env_int("AWAZ_LOGO_MAX_SIDE", 512, minimum=32)

# --- Serving: request limits (config/serve.py, awaz/core/requestlimits.py) -------------------
# A request body larger than this is answered 413 unread: an image upload and its form fit.
AWAZ_MAX_REQUEST_BYTES = env_int(
    "AWAZ_MAX_REQUEST_BYTES", AWAZ_IMAGE_MAX_BYTES + 1024 * 1024, minimum=64 * 1024
)
# Serve uploads (MEDIA_ROOT) from Django itself; 0 when the reverse proxy serves /media/.
AWAZ_SERVE_MEDIA = env_bool("AWAZ_SERVE_MEDIA", default=True)
