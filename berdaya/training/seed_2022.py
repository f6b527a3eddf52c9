# ruff: noqa: E501 - one event per line, as seed 003 tabulates them
"""Seed 003's 2022 events (LAKIP 2022 of Diskopumker Banjarmasin): title, kind, division, dates, venue,
participants who attended, target group, participants' role, and the budget sub-activity they belong to.

The 13 cooperative trainings of the sub-activity "Peningkatan Pemahaman ... SDM Koperasi" held 355 places;
the three "Tips dan Trik Menjadi Wirausaha Sukses" cohorts (75) were for would-be entrepreneurs and one
(30) for productive groups, so 250 places went to cooperative people: 210 persons (seed 003's indicator),
40 of whom came to two trainings.
"""

import datetime as dt

D = dt.date
SDM_KOP = "Peningkatan Pemahaman dan Pengetahuan Perkoperasian"
KEPATUHAN = "Pemeriksaan Kepatuhan Koperasi"
PEMBERDAYAAN_KOP = "Pemberdayaan Peningkatan Produktivitas"
KEMITRAAN = "Pemberdayaan melalui Kemitraan Usaha Mikro"
PERIZINAN = "Fasilitasi Kemudahan Perizinan Usaha Mikro"
KELEMBAGAAN_UM = "Pemberdayaan Kelembagaan Potensi"
SKALA = "Fasilitasi Usaha Mikro Menjadi Usaha Kecil"
BIMBINGAN = "Penyuluhan dan Bimbingan Jabatan"
PERLUASAN = "Perluasan Kesempatan Kerja"
PRODUKTIVITAS = "Pengukuran Kompetensi dan Produktivitas"
KLASTER = "berdasarkan Klaster Kompetensi"
JAMSOS = "Penyelenggaraan Pendataan dan Informasi Sarana Hubungan Industrial"

HBI = "Hotel Banjarmasin Internasional (HBI)"
ZURI = "Hotel Zuri Express Banjarmasin"

# (code, title, kind, division, section, starts, ends, venue, attended, target group, role, budget key,
#  partner, jp)
EVENTS = [
    # Bidang Koperasi: trainings (sub-activity 33).
    ("D22-KOP-01", "Pelatihan Manajemen Usaha Simpan Pinjam Koperasi", "pelatihan", "koperasi", "Kelembagaan dan Pengawasan", D(2022, 3, 7), D(2022, 3, 10), HBI, 30, "koperasi_pengelola", "pengelola", SDM_KOP, "", 32),
    ("D22-KOP-02", "Pelatihan Digitalisasi Usaha Anggota Koperasi", "pelatihan", "koperasi", "Pengembangan Usaha", D(2022, 3, 23), D(2022, 3, 25), HBI, 30, "koperasi_anggota", "anggota", SDM_KOP, "", 24),
    ("D22-KOP-03", "Pelatihan Tips dan Trik Menjadi Wirausaha Sukses", "pelatihan", "koperasi", "Pengembangan Usaha", D(2022, 5, 17), D(2022, 5, 20), HBI, 25, "wub", "wub", SDM_KOP, "", 32),
    ("D22-KOP-04", "Pelatihan Pembuatan Laporan Pertanggungjawaban Pengurus Berdasarkan SAK-ETAP", "pelatihan", "koperasi", "Kelembagaan dan Pengawasan", D(2022, 5, 17), D(2022, 5, 20), HBI, 25, "koperasi_pengurus", "pengurus", SDM_KOP, "", 32),
    ("D22-KOP-05", "Pelatihan Perkoperasian bagi Anggota Koperasi", "pelatihan", "koperasi", "Kelembagaan dan Pengawasan", D(2022, 5, 23), D(2022, 5, 25), HBI, 30, "koperasi_anggota", "anggota", SDM_KOP, "", 24),
    ("D22-KOP-06", "Pelatihan Tips dan Trik Menjadi Wirausaha Sukses Angkatan ke-2", "pelatihan", "koperasi", "Pengembangan Usaha", D(2022, 6, 6), D(2022, 6, 9), HBI, 25, "wub", "wub", SDM_KOP, "", 32),
    ("D22-KOP-07", "Pelatihan Perkoperasian bagi Kelompok Produktif", "pelatihan", "koperasi", "Kelembagaan dan Pengawasan", D(2022, 6, 7), D(2022, 6, 9), HBI, 30, "umum", "umum", SDM_KOP, "", 24),
    ("D22-KOP-08", "Pelatihan Perkoperasian bagi Anggota Koperasi Angkatan ke-2", "pelatihan", "koperasi", "Kelembagaan dan Pengawasan", D(2022, 7, 18), D(2022, 7, 20), ZURI, 30, "koperasi_anggota", "anggota", SDM_KOP, "", 24),
    ("D22-KOP-09", "Pelatihan Manajemen Administrasi Keuangan Usaha Koperasi", "pelatihan", "koperasi", "Fasilitasi Permodalan", D(2022, 9, 5), D(2022, 9, 7), HBI, 30, "koperasi_pengelola", "pengelola", SDM_KOP, "", 24),
    ("D22-KOP-10", "Pelatihan Tips dan Trik Menjadi Wirausaha Sukses Angkatan ke-3", "pelatihan", "koperasi", "Pengembangan Usaha", D(2022, 9, 6), D(2022, 9, 9), HBI, 25, "wub", "wub", SDM_KOP, "", 32),
    ("D22-KOP-11", "Pelatihan Digitalisasi Usaha Koperasi", "pelatihan", "koperasi", "Pengembangan Usaha", D(2022, 9, 13), D(2022, 9, 16), HBI, 25, "koperasi_pengelola", "pengelola", SDM_KOP, "", 32),
    ("D22-KOP-12", "Pelatihan Perkoperasian bagi Pengawas", "pelatihan", "koperasi", "Kelembagaan dan Pengawasan", D(2022, 9, 13), D(2022, 9, 16), HBI, 25, "koperasi_pengawas", "pengawas", SDM_KOP, "", 32),
    ("D22-KOP-13", "Pelatihan Manajemen Usaha Anggota Koperasi", "pelatihan", "koperasi", "Pengembangan Usaha", D(2022, 10, 25), D(2022, 10, 28), HBI, 25, "koperasi_anggota", "anggota", SDM_KOP, "", 32),
    # Bidang Koperasi: socialisation on capital (sub-activity 34) and compliance bimtek (sub-activity 32).
    ("D22-KOP-14", "Sosialisasi tentang Proposal Pinjaman Koperasi", "sosialisasi", "koperasi", "Fasilitasi Permodalan", D(2022, 3, 8), D(2022, 3, 8), HBI, 30, "koperasi_pengurus", "pengurus", PEMBERDAYAAN_KOP, "", 0),
    ("D22-KOP-15", "Sosialisasi Fasilitasi Permodalan", "sosialisasi", "koperasi", "Fasilitasi Permodalan", D(2022, 5, 23), D(2022, 5, 23), HBI, 30, "koperasi_pengurus", "pengurus", PEMBERDAYAAN_KOP, "", 0),
    ("D22-KOP-16", "Sosialisasi Fasilitasi Permodalan Angkatan ke-2", "sosialisasi", "koperasi", "Fasilitasi Permodalan", D(2022, 7, 18), D(2022, 7, 18), ZURI, 30, "koperasi_pengurus", "pengurus", PEMBERDAYAAN_KOP, "", 0),
    ("D22-KOP-17", "Bimtek Pelaksanaan dan Pembuatan Bahan RAT Koperasi", "bimtek", "koperasi", "Kelembagaan dan Pengawasan", D(2022, 3, 9), D(2022, 3, 10), HBI, 30, "koperasi_pengurus", "pengurus", KEPATUHAN, "", 16),
    ("D22-KOP-18", "Bimtek Perizinan OSS (Online Single Submission)", "bimtek", "koperasi", "Kelembagaan dan Pengawasan", D(2022, 3, 23), D(2022, 3, 24), HBI, 30, "koperasi_pengurus", "pengurus", KEPATUHAN, "", 16),
    ("D22-KOP-19", "Bimtek Perizinan OSS (Online Single Submission) Angkatan ke-2", "bimtek", "koperasi", "Kelembagaan dan Pengawasan", D(2022, 5, 24), D(2022, 5, 25), HBI, 30, "koperasi_pengurus", "pengurus", KEPATUHAN, "", 16),
    ("D22-KOP-20", "Sosialisasi Peraturan Usaha Simpan Pinjam", "sosialisasi", "koperasi", "Kelembagaan dan Pengawasan", D(2022, 6, 21), D(2022, 6, 21), HBI, 30, "koperasi_pengurus", "pengurus", KEPATUHAN, "", 0),
    ("D22-KOP-21", "Bimtek Pemeringkatan Koperasi", "bimtek", "koperasi", "Kelembagaan dan Pengawasan", D(2022, 6, 22), D(2022, 6, 23), HBI, 30, "koperasi_pengurus", "pengurus", KEPATUHAN, "", 16),
    ("D22-KOP-22", "Bimtek Pemeringkatan Koperasi Angkatan ke-2", "bimtek", "koperasi", "Kelembagaan dan Pengawasan", D(2022, 7, 19), D(2022, 7, 20), ZURI, 30, "koperasi_pengurus", "pengurus", KEPATUHAN, "", 16),
    ("D22-KOP-23", "Bimtek Penilaian Kesehatan Simpan Pinjam Koperasi", "bimtek", "koperasi", "Kelembagaan dan Pengawasan", D(2022, 9, 8), D(2022, 9, 9), HBI, 30, "koperasi_pengelola", "pengelola", KEPATUHAN, "", 16),
    ("D22-KOP-24", "Bimtek Pelaksanaan dan Pembuatan Bahan RAT Koperasi Angkatan ke-2", "bimtek", "koperasi", "Kelembagaan dan Pengawasan", D(2022, 10, 25), D(2022, 10, 26), HBI, 30, "koperasi_pengurus", "pengurus", KEPATUHAN, "", 16),
    ("D22-KOP-25", "Bimtek Penilaian Kesehatan Simpan Pinjam Koperasi Angkatan ke-2", "bimtek", "koperasi", "Kelembagaan dan Pengawasan", D(2022, 11, 27), D(2022, 11, 28), HBI, 30, "koperasi_pengelola", "pengelola", KEPATUHAN, "", 16),
    # Bidang Usaha Mikro.
    ("D22-UM-01", "Pelatihan WUB Inovasi Kerajinan Purun Angkatan I", "pelatihan", "usaha_mikro", "Pemberdayaan Usaha Mikro", D(2022, 2, 7), D(2022, 2, 11), "Yayasan Rumah Kreatif dan Pintar", 20, "wub", "wub", KELEMBAGAAN_UM, "Yayasan Rumah Kreatif dan Pintar", 40),
    ("D22-UM-02", "Pelatihan WUB Menjahit", "pelatihan", "usaha_mikro", "Pemberdayaan Usaha Mikro", D(2022, 2, 14), D(2022, 3, 14), "UPTD Balai Latihan Kerja Kota Banjarmasin", 20, "wub", "wub", KELEMBAGAAN_UM, "UPTD BLK Kota Banjarmasin", 160),
    ("D22-UM-03", "Pelatihan WUB Inovasi Kerajinan Purun Angkatan II", "pelatihan", "usaha_mikro", "Pemberdayaan Usaha Mikro", D(2022, 6, 13), D(2022, 6, 17), "Yayasan Rumah Kreatif dan Pintar", 20, "wub", "wub", KELEMBAGAAN_UM, "Yayasan Rumah Kreatif dan Pintar", 40),
    ("D22-UM-04", "Pelatihan Manajemen Usaha bagi Usaha Mikro", "pelatihan", "usaha_mikro", "Pembinaan dan Permodalan", D(2022, 2, 2), D(2022, 2, 4), ZURI, 30, "umkm", "pemilik", SKALA, "", 24),
    ("D22-UM-05", "Sosialisasi Perizinan bagi Pelaku Usaha Mikro", "sosialisasi", "usaha_mikro", "Pemberdayaan Usaha Mikro", D(2022, 5, 25), D(2022, 5, 25), HBI, 30, "umkm", "pemilik", PERIZINAN, "", 0),
    ("D22-UM-06", "Sosialisasi Perizinan bagi Pelaku Usaha Mikro Angkatan II", "sosialisasi", "usaha_mikro", "Pemberdayaan Usaha Mikro", D(2022, 5, 30), D(2022, 5, 30), HBI, 30, "umkm", "pemilik", PERIZINAN, "", 0),
    ("D22-UM-07", "Pelatihan Digital Marketing", "pelatihan", "usaha_mikro", "Promosi dan Pemasaran", D(2022, 6, 7), D(2022, 6, 10), HBI, 30, "umkm", "pemilik", SKALA, "", 32),
    ("D22-UM-08", "Sosialisasi Permodalan Angkatan I", "sosialisasi", "usaha_mikro", "Pembinaan dan Permodalan", D(2022, 6, 23), D(2022, 6, 23), ZURI, 30, "umkm", "pemilik", KELEMBAGAAN_UM, "Rumah BUMN, PT PNM", 0),
    ("D22-UM-09", "Sosialisasi Jaringan Kemitraan", "sosialisasi", "usaha_mikro", "Promosi dan Pemasaran", D(2022, 8, 16), D(2022, 8, 16), HBI, 30, "umkm", "pemilik", KEMITRAAN, "", 0),
    ("D22-UM-10", "Pelatihan Kewirausahaan", "pelatihan", "usaha_mikro", "Pemberdayaan Usaha Mikro", D(2022, 9, 12), D(2022, 9, 15), ZURI, 30, "wub", "wub", KELEMBAGAAN_UM, "", 32),
    ("D22-UM-11", "Sosialisasi Perizinan bagi Pelaku Usaha Mikro Angkatan III", "sosialisasi", "usaha_mikro", "Pemberdayaan Usaha Mikro", D(2022, 10, 11), D(2022, 10, 11), HBI, 30, "umkm", "pemilik", PERIZINAN, "", 0),
    ("D22-UM-12", "Sosialisasi Permodalan Angkatan II", "sosialisasi", "usaha_mikro", "Pembinaan dan Permodalan", D(2022, 10, 12), D(2022, 10, 12), HBI, 30, "umkm", "pemilik", KELEMBAGAAN_UM, "Rumah BUMN, PT PNM", 0),
    ("D22-UM-13", "Sosialisasi Permodalan Angkatan III", "sosialisasi", "usaha_mikro", "Pembinaan dan Permodalan", D(2022, 11, 16), D(2022, 11, 16), HBI, 30, "umkm", "pemilik", KELEMBAGAAN_UM, "Rumah BUMN, PT PNM", 0),
    ("D22-UM-14", "Sosialisasi Permodalan Angkatan IV", "sosialisasi", "usaha_mikro", "Pembinaan dan Permodalan", D(2022, 11, 17), D(2022, 11, 17), HBI, 30, "umkm", "pemilik", KELEMBAGAAN_UM, "Rumah BUMN, PT PNM", 0),
    # Bidang Tenaga Kerja (the job fair and BLK cohorts come with the manpower module).
    ("D22-TK-01", "Penyuluhan dan Bimbingan Jabatan di SMK YPT Banjarmasin", "sosialisasi", "tenaga_kerja", "Penempatan Tenaga Kerja", D(2022, 3, 15), D(2022, 3, 15), "SMK YPT Banjarmasin", 50, "pelajar", "pelajar", BIMBINGAN, "", 0),
    ("D22-TK-02", "Penyuluhan dan Bimbingan Jabatan di SMKN 5 Banjarmasin", "sosialisasi", "tenaga_kerja", "Penempatan Tenaga Kerja", D(2022, 3, 16), D(2022, 3, 16), "SMKN 5 Banjarmasin", 50, "pelajar", "pelajar", BIMBINGAN, "", 0),
    ("D22-TK-03", "Pelatihan Potong Rambut Wanita", "pelatihan", "tenaga_kerja", "Pelatihan dan Produktivitas", D(2022, 7, 7), D(2022, 7, 19), "Kelurahan Telawang", 8, "pencari_kerja", "pencari_kerja", PERLUASAN, "LPK Excel", 48),
    ("D22-TK-04", "Pemagangan di Hotel Palm Banjarmasin", "magang", "tenaga_kerja", "Pelatihan dan Produktivitas", D(2022, 9, 19), D(2022, 11, 19), "Hotel Palm Banjarmasin", 10, "pencari_kerja", "pencari_kerja", PERLUASAN, "Hotel Palm Banjarmasin", 0),
    ("D22-TK-05", "Pelatihan Pengukuran Kompetensi dan Produktivitas Tenaga Kerja", "pelatihan", "tenaga_kerja", "Pelatihan dan Produktivitas", D(2022, 10, 17), D(2022, 10, 19), ZURI, 20, "pekerja", "pekerja", PRODUKTIVITAS, "", 24),
    ("D22-TK-06", "Pelatihan Menjahit Lanjutan", "pelatihan", "tenaga_kerja", "Pelatihan dan Produktivitas", D(2022, 12, 16), D(2022, 12, 28), "LPK IRMA, Jl. P. Tendean", 8, "pencari_kerja", "pencari_kerja", PERLUASAN, "LPK IRMA", 42),
    # Bidang Hubungan Industrial dan Jaminan Sosial.
    ("D22-HI-01", "Sosialisasi/Penyuluhan Kepesertaan Jaminan Sosial Tenaga Kerja", "sosialisasi", "hubungan_industrial", "Jaminan Sosial", D(2022, 6, 14), D(2022, 6, 15), HBI, 34, "pekerja", "pekerja", JAMSOS, "BPJS Ketenagakerjaan", 0),
]  # fmt: skip

# The trainings whose participants are cooperative people counted by training.coop_staff_trained.
COOP_STAFF_TARGET = 210
