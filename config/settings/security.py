"""HTTPS, cookies, sessions, CSRF, the Content-Security-Policy and the onion address."""

from django.utils.csp import CSP

from config.env import env_bool, env_int, env_list, env_str

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
