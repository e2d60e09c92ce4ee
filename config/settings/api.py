"""The JSON API (awaz/api): its rate limits."""

from config.env import env_int

# Calls to the API per minute from one client network (a keyed digest, never an address),
# with or without a key, and per organization key.
AWAZ_API_PER_NETWORK_PER_MINUTE = env_int("AWAZ_API_PER_NETWORK_PER_MINUTE", 300, minimum=1)
AWAZ_API_PER_KEY_PER_MINUTE = env_int("AWAZ_API_PER_KEY_PER_MINUTE", 600, minimum=1)
