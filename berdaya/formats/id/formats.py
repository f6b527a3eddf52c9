# Berdaya shows every date one way: "10 Mar 2025" (and "10 Mar 2025 14:05"), in both languages (Django's
# own defaults differ per language and between templates and forms, which gave two formats on one page).
DATE_FORMAT = "j M Y"
DATETIME_FORMAT = "j M Y H:i"
SHORT_DATE_FORMAT = "j M Y"
SHORT_DATETIME_FORMAT = "j M Y H:i"
MONTH_DAY_FORMAT = "j M"
YEAR_MONTH_FORMAT = "M Y"
TIME_FORMAT = "H:i"
# Input formats and number separators stay Django's own for the language.
