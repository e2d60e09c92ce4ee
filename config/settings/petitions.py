"""Petition pages."""

from config.env import env_int

# Anonymous readers get the petition page from a cache at most this many seconds old (0: off).
AWAZ_PAGE_CACHE_SECONDS = env_int("AWAZ_PAGE_CACHE_SECONDS", 5, minimum=0)
# How many of the organization's other petitions the petition page lists.
AWAZ_PREVIOUS_PETITIONS = env_int("AWAZ_PREVIOUS_PETITIONS", 5, minimum=0)
# How long a made share picture is kept; a new one is made anyway when its text or goal changes.
AWAZ_SHARE_IMAGE_SECONDS = env_int("AWAZ_SHARE_IMAGE_SECONDS", 7 * 24 * 3600, minimum=60)
