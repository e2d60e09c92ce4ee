"""Languages and scripts: the language table, negotiation and the URL prefix, right-to-left
per full code, date formats, and the message catalogs (Latin and Cyrillic Uyghur
generated from the Arabic-script one, compiled without GNU gettext)."""
