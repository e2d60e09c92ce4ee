"""The database (and its read replicas) and the cache."""

import dj_database_url

from config.env import env_int, env_list, env_str
from config.settings.base import VAR_DIR

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
    if DATABASES[f"replica{_index}"]["ENGINE"] == "django.db.backends.postgresql":
        # A replica that does not answer is given up quickly; the page reads the primary.
        DATABASES[f"replica{_index}"].setdefault("OPTIONS", {}).setdefault("connect_timeout", 2)
# After a request that wrote, the same browser reads the primary for so many seconds (longer
# than the replicas lag); a replica found unreachable is left alone for so many seconds.
AWAZ_REPLICA_PIN_SECONDS = env_int("AWAZ_REPLICA_PIN_SECONDS", 10, minimum=1)
AWAZ_REPLICA_RETRY_SECONDS = env_int("AWAZ_REPLICA_RETRY_SECONDS", 10, minimum=1)
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
