"""Logging: request facts only, never addresses, names or tokens."""

from config.env import env_str

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {
        "plain": {"format": "%(asctime)s %(levelname)s [%(request_id)s] %(name)s %(message)s"}
    },
    "filters": {
        "request_id": {"()": "awaz.http.requestid.RequestIdFilter"},
        "redact": {"()": "awaz.privacy.logs.RedactPersonalData"},
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
