"""Static files, uploads and the limits on uploaded images."""

from config.env import env_bool, env_int, env_str
from config.settings.base import VAR_DIR

# --- Static files ---------------------------------------------------------------------------
STATIC_URL = "/static/"
STATIC_ROOT = VAR_DIR / "static"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": env_str(
            "STATICFILES_STORAGE",
            "whitenoise.storage.CompressedManifestStaticFilesStorage",
        )
    },
}
MEDIA_ROOT = VAR_DIR / "media"
MEDIA_URL = "/media/"

# --- Uploads --------------------------------------------------------------------------------
# Uploaded images (petition images, logos): refused above these sizes, then resized to fit.
AWAZ_IMAGE_MAX_BYTES = env_int("AWAZ_IMAGE_MAX_BYTES", 10 * 1024 * 1024, minimum=1024)
AWAZ_IMAGE_MAX_PIXELS = env_int("AWAZ_IMAGE_MAX_PIXELS", 40_000_000, minimum=10_000)
AWAZ_IMAGE_MAX_SIDE = env_int("AWAZ_IMAGE_MAX_SIDE", 1600, minimum=100)
AWAZ_LOGO_MAX_SIDE = env_int("AWAZ_LOGO_MAX_SIDE", 512, minimum=32)
# A request body larger than this is answered 413 unread (config/serve.py,
# awaz/http/requestlimits.py): an image upload and its form fit.
AWAZ_MAX_REQUEST_BYTES = env_int(
    "AWAZ_MAX_REQUEST_BYTES", AWAZ_IMAGE_MAX_BYTES + 1024 * 1024, minimum=64 * 1024
)
# Serve uploads (MEDIA_ROOT) from Django itself; 0 when the reverse proxy serves /media/.
AWAZ_SERVE_MEDIA = env_bool("AWAZ_SERVE_MEDIA", default=True)
