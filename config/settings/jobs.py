"""Background work and e-mail: the task queue, the worker, the periodic jobs, the mail server."""

from config.env import env_int, env_str, mailer_from_url
from config.settings.moderation import AWAZ_TRENDING_INTERVAL
from config.settings.signing import AWAZ_COUNT_INTERVAL

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

# --- The worker -------------------------------------------------------------------------------
AWAZ_WORKER_BATCH = env_int("AWAZ_WORKER_BATCH", 50, minimum=1)
# A task still running after this many seconds is taken to be abandoned by a dead worker.
AWAZ_WORKER_LEASE = env_int("AWAZ_WORKER_LEASE", 300, minimum=1)
AWAZ_WORKER_MAX_ATTEMPTS = env_int("AWAZ_WORKER_MAX_ATTEMPTS", 20, minimum=1)
AWAZ_WORKER_MAX_BACKOFF = env_int("AWAZ_WORKER_MAX_BACKOFF", 600, minimum=1)
# Periodic jobs every worker runs: dotted path -> seconds between runs.
AWAZ_SCHEDULE = {
    "awaz.signatures.tasks.fold_signature_counts": AWAZ_COUNT_INTERVAL,
    "awaz.signatures.tasks.purge_network_digests": 600,
    "awaz.core.once.forget_expired": 3600,
    "awaz.petitions.housekeeping.petitions_close_expired": 60,
    "awaz.signatures.retention.purge_past_retention": 3600,
    "awaz.moderation.tasks.compute_trending": AWAZ_TRENDING_INTERVAL,
}
