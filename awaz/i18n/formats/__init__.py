"""Date and number formats where Django's are missing or wrong for our languages
(settings.FORMAT_MODULE_PATH).

For `ug-latn` Django looks in `ug_Latn` here, then `ug` here, then in its own `ug`; the first
module that has a format wins. So `ug` serves all three Uyghur scripts (the month's name comes
from each script's catalog) and `ug_Cyrl` holds only what differs.
"""
