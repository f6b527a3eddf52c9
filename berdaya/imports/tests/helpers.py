"""Spreadsheet files for import tests."""

import csv

from openpyxl import Workbook

PEOPLE_HEADERS = ["No", "NIK", "NAMA LENGKAP", "JK", "Tgl Lahir", "No HP", "Alamat", "Kel."]


def write_xlsx(path, rows, headers=PEOPLE_HEADERS):
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(headers)
    for row in rows:
        sheet.append(list(row))
    workbook.save(path)
    return path


def write_csv(path, rows, headers=PEOPLE_HEADERS, *, delimiter=";", encoding="utf-8-sig"):
    with open(path, "w", newline="", encoding=encoding) as file:
        writer = csv.writer(file, delimiter=delimiter)
        writer.writerow(headers)
        writer.writerows(rows)
    return path


def people_rows(niks, *, kelurahan="Kelayan Barat"):
    return [
        [
            i + 1,
            nik,
            f"Warga {i + 1}",
            "L",
            "12/03/1985",
            "0812-3456-78" + f"{i:02d}",
            "Jl. Kelayan A",
            kelurahan,
        ]
        for i, nik in enumerate(niks)
    ]
