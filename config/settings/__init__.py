"""Awaz settings, one module per topic, driven by environment variables.

Every variable read from the environment is documented in `.env.example`
(tests/test_env_example.py fails otherwise). The defaults run a single machine on SQLite with
DEBUG off; production sets `AWAZ_HTTPS=1`, `DATABASE_URL`, `REDIS_URL` and the keys.

DJANGO_SETTINGS_MODULE is `config.settings`: this package, which gathers the topics below in
order (a later topic may import an earlier one's values, never the reverse). A new setting goes
into the topic it is about:

- `base`: paths, DEBUG, SECRET_KEY, hosts, the site's address and name, apps, middleware, templates
- `data`: the database, its read replicas, the cache
- `i18n`: languages, scripts, formats, time zone
- `files`: static files, uploads, the limits on uploaded images
- `security`: HTTPS, cookies, sessions, CSRF, the Content-Security-Policy, the onion address
- `accounts`: organizers' and staff accounts, log-in and its limits, two-factor, account e-mails
- `logs`: logging
- `petitions`: petition pages
- `signing`: signing and signer safety (keys, limits, the challenge, retention, counting)
- `moderation`: trending, reports, the block/allow lists' cache
- `jobs`: the task queue, the worker, the periodic jobs, e-mail
- `webhooks`: delivery limits, retries, coalescing, switching off
- `api`: the JSON API's rate limits
"""

from config.settings.accounts import *  # noqa: F403
from config.settings.api import *  # noqa: F403
from config.settings.base import *  # noqa: F403
from config.settings.data import *  # noqa: F403
from config.settings.files import *  # noqa: F403
from config.settings.i18n import *  # noqa: F403
from config.settings.jobs import *  # noqa: F403
from config.settings.logs import *  # noqa: F403
from config.settings.moderation import *  # noqa: F403
from config.settings.petitions import *  # noqa: F403
from config.settings.security import *  # noqa: F403
from config.settings.signing import *  # noqa: F403
from config.settings.webhooks import *  # noqa: F403
