"""Uyghur in Cyrillic script, read mostly in Kazakhstan and Kyrgyzstan, takes the numbers of
Kazakh and Russian (1 204,5): there 1,204 would read as a fraction. Dates are those of `ug`."""

DECIMAL_SEPARATOR = ","
THOUSAND_SEPARATOR = "\xa0"  # no-break space
NUMBER_GROUPING = 3
