"""Moderation: trending, reports, the cached block/allow lists and limits."""

from config.env import env_int

# Defaults: admins override the rate limits, the challenge switch and these thresholds live in
# the dashboard (moderation settings); what they leave empty falls back to the environment.
# A network or e-mail domain giving one petition this many signatures in an hour is a spike.
AWAZ_TRENDING_NETWORK_PER_HOUR = env_int("AWAZ_TRENDING_NETWORK_PER_HOUR", 100, minimum=1)
AWAZ_TRENDING_DOMAIN_PER_HOUR = env_int("AWAZ_TRENDING_DOMAIN_PER_HOUR", 200, minimum=1)
AWAZ_TRENDING_INTERVAL = env_int("AWAZ_TRENDING_INTERVAL", 600, minimum=10)
# Reports of petitions or comments accepted per network per hour.
AWAZ_REPORTS_PER_NETWORK_PER_HOUR = env_int("AWAZ_REPORTS_PER_NETWORK_PER_HOUR", 5, minimum=1)
# Moderators get one e-mail about the reports that came in since the last, at most this often.
AWAZ_REPORT_ALERT_INTERVAL = env_int("AWAZ_REPORT_ALERT_INTERVAL", 300, minimum=10)
# How long a web process may use the lists and limits before reading them again (a save clears
# them at once where the cache is shared, i.e. Redis).
AWAZ_POLICY_CACHE_SECONDS = env_int("AWAZ_POLICY_CACHE_SECONDS", 30, minimum=0)
