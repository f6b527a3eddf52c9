"""The one date format of each language (settings.FORMAT_MODULE_PATH): templates write ``|date`` (a date)
or ``|date:"DATETIME_FORMAT"`` (a moment), Python messages ``django.utils.formats.date_format(value)``;
never a literal pattern. Letters and reports keep their long dates (``berdaya.lib.documents.long_date``)."""
