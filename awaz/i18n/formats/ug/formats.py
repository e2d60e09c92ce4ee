"""Uyghur in every script: the day takes a hyphen before the month (18-ئىيۇن 2019, 18-iyun 2019,
18-июн 2019), as CLDR writes it; the month's name comes from the catalog of the page's script.
Django's own `ug` module supplies the rest."""

DATE_FORMAT = "j-F Y"
DATETIME_FORMAT = "j-F Y G:i"
MONTH_DAY_FORMAT = "j-F"
YEAR_MONTH_FORMAT = "F Y"
