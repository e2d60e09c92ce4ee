"""Kazakh, which Django has no formats for: CLDR's dates (2019 ж. 18 маусым) and numbers
(1 204,5). The month names in lower case come from our catalog ("alt. month")."""

DATE_FORMAT = "Y\xa0ж. j E"
DATETIME_FORMAT = "Y\xa0ж. j E, G:i"
TIME_FORMAT = "G:i"
YEAR_MONTH_FORMAT = "Y\xa0ж. F"
MONTH_DAY_FORMAT = "j E"
SHORT_DATE_FORMAT = "d.m.Y"
SHORT_DATETIME_FORMAT = "d.m.Y H:i"
FIRST_DAY_OF_WEEK = 1  # Monday

DATE_INPUT_FORMATS = ["%d.%m.%Y", "%d.%m.%y", "%Y-%m-%d"]
DATETIME_INPUT_FORMATS = [
    "%d.%m.%Y %H:%M:%S",
    "%d.%m.%Y %H:%M",
    "%d.%m.%Y",
    "%Y-%m-%d %H:%M:%S",
    "%Y-%m-%d %H:%M",
    "%Y-%m-%d",
]
DECIMAL_SEPARATOR = ","
THOUSAND_SEPARATOR = "\xa0"  # no-break space
NUMBER_GROUPING = 3
