"""Berdaya: the information system of a Dinas Koperasi, Usaha Mikro dan Tenaga Kerja."""
