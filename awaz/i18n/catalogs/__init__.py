"""Message catalogs: Latin and Cyrillic Uyghur generated from the Arabic-script one, compiled
without GNU gettext, and checked for what must come through translation unchanged."""
