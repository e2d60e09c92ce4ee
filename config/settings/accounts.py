"""Organizers' and staff accounts: log-in, its limits, two-factor, passwords, e-mailed links."""

from config.env import env_int
from config.settings.base import SITE_NAME

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

# --- Where log-in leads, and how long e-mailed account links work ----------------------------
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "dashboard:home"
LOGOUT_REDIRECT_URL = "public:home"
# How long the links in account and invitation e-mails work.
AWAZ_EMAIL_VERIFICATION_SECONDS = env_int("AWAZ_EMAIL_VERIFICATION_SECONDS", 3 * 86400, minimum=60)
PASSWORD_RESET_TIMEOUT = env_int("AWAZ_PASSWORD_RESET_SECONDS", 3600, minimum=60)
AWAZ_INVITATION_DAYS = env_int("AWAZ_INVITATION_DAYS", 7, minimum=1)
