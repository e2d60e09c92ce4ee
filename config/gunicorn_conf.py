"""gunicorn's settings for `SERVER=gunicorn bin/serve` (behind a buffering reverse proxy only).

Sync workers, as before; gunicorn's own error log (which names the client's address in
"Invalid request from ip=…") goes through the filter that cuts addresses and tokens out of
Django's logs, and there is no access log.
"""

worker_class = "sync"
max_requests = 10000
max_requests_jitter = 1000
timeout = 30
loglevel = "warning"
accesslog = None
# Request lines longer than this are refused by gunicorn itself.
limit_request_line = 8190
logconfig_dict = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"redact": {"()": "awaz.privacy.logs.RedactPersonalData"}},
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"}},
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "formatter": "plain",
            "filters": ["redact"],
            "stream": "ext://sys.stderr",
        }
    },
    "loggers": {
        "gunicorn.error": {"handlers": ["console"], "level": "WARNING", "propagate": False},
        "gunicorn.access": {"handlers": [], "level": "CRITICAL", "propagate": False},
    },
}
