"""Background work and e-mail: the task queue, the worker, the periodic jobs, the mail server."""

from config.env import env_int, env_str, mailer_from_url
from config.settings.moderation import AWAZ_REPORT_ALERT_INTERVAL, AWAZ_TRENDING_INTERVAL
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
# Periodic jobs: dotted path -> seconds between runs; each interval runs once, on one worker.
AWAZ_SCHEDULE = {
    "awaz.signatures.tasks.fold_signature_counts": AWAZ_COUNT_INTERVAL,
    "awaz.signatures.tasks.purge_network_digests": 600,
    "awaz.core.once.forget_expired": 3600,
    "awaz.petitions.housekeeping.petitions_close_expired": 60,
    "awaz.signatures.retention.purge_past_retention": 3600,
    "awaz.moderation.tasks.compute_trending": AWAZ_TRENDING_INTERVAL,
    "awaz.moderation.tasks.alert_moderators_about_reports": AWAZ_REPORT_ALERT_INTERVAL,
    "awaz.discovery.tasks.refresh_trending": 3600,
    "awaz.jobs.tasks.prune_finished_tasks": 3600,
}
