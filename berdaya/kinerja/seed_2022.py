# ruff: noqa: E501 - the seed's rows are kept one per line, as printed
"""The office's own figures from seed 003 (the 2022 LAKIP), as printed: the demo and the tests use them.

Budget rows keep the seed's text exactly (Indonesian number format, typos in categories) so importing
them exercises the checks (sakip.md S11).
"""

GOALS = [  # code, goal, [(code, target, strategy, policy)]
    (
        "1",
        "Meningkatnya Peran Usaha Mikro dan Koperasi dalam Perekonomian",
        [
            (
                "1.1",
                "Meningkatnya Wirausaha Baru yang Mandiri",
                "Menumbuhkembangkan jiwa dan mental kewirausahaan",
                "Mengadakan kegiatan pembimbingan dan pembinaan para wirausaha baru",
            ),
            (
                "1.2",
                "Meningkatnya Kapasitas Kelembagaan Koperasi",
                "Meningkatkan peran serta koperasi",
                "Mengadakan sosialisasi/bimtek kelembagaan koperasi",
            ),
        ],
    ),
    (
        "2",
        "Meningkatkan Penyerapan Tenaga Kerja",
        [
            (
                "2.1",
                "Meningkatnya pencari kerja terdaftar yang ditempatkan",
                "Memberikan keahlian pencari kerja untuk memasuki dunia kerja dari sektor formal dan informal, "
                "menempatkan tenaga kerja melalui Bursa Kerja dan fasilitasi penempatan",
                "Menyiapkan sarana dan prasarana pelatihan (BLK), pelatihan dan pemagangan, uji kompetensi, "
                "penempatan langsung dan melalui Job Fair",
            ),
            (
                "2.2",
                "Meningkatnya Perusahaan yang menerapkan tata kelola kerja yang layak",
                "Memberikan pelayanan, pembinaan kepada Pekerja, Pengusaha dan Lembaga Ketenagakerjaan",
                "Melakukan sosialisasi, bimtek, penyuluhan dan monitoring kepada pekerja, pengusaha dan "
                "lembaga ketenagakerjaan",
            ),
        ],
    ),
    (
        "3",
        "Terwujudnya Peningkatan Kapasitas dan Akuntabilitas Penyelenggaraan Pemerintahan",
        [
            (
                "3.1",
                "Meningkatnya Nilai Akuntabilitas Kinerja Dinas Koperasi, Usaha Mikro dan Tenaga Kerja",
                "Penguatan komitmen pimpinan dan seluruh ASN dalam perencanaan kinerja",
                "Anggaran berbasis kinerja, pengukuran, pelaporan dan evaluasi internal capaian kinerja",
            ),
        ],
    ),
]

# The measures seed 003 typed by hand and their printed values per year. The demo enters them as manual
# values only while no registry computes the key (koperasi.* are computed by the cooperative registry).
MANUAL = {
    "koperasi.quality": ("Koperasi berkualitas", "koperasi", {2021: 24, 2022: 20}),
    "koperasi.active": ("Koperasi aktif", "koperasi", {2022: 309}),
    "naker.registered": (
        "Pencari kerja terdaftar",
        "orang",
        {2016: 5791, 2017: 5686, 2018: 6156, 2019: 3606, 2020: 2271, 2021: 1856, 2022: 2202},
    ),
    "naker.placed": (
        "Pencari kerja ditempatkan",
        "orang",
        {2016: 1246, 2017: 1165, 2018: 1300, 2019: 1331, 2020: 367, 2021: 421, 2022: 725},
    ),
    "hubind.decent_work": ("Perusahaan yang menerapkan tata kelola kerja layak", "perusahaan", {2022: 163}),
    "hubind.reporting": ("Perusahaan yang melapor (WLKP)", "perusahaan", {2021: 1215, 2022: 3489}),
    "kinerja.sakip_score": ("Nilai evaluasi SAKIP", "nilai", {2021: "77.18", 2022: "80.17"}),
}

# code, target code, name, unit, kind, numerator, denominator, formula text, responsible, 2022 target, iku
INDICATORS = [
    ("iku-wub", "1.1", "Persentase Wirausaha Baru yang Mandiri", "%", "ratio", "umkm.wub_mandiri",
     "umkm.wub_trained", "WUB yang masih berproduksi, beromzet dan beroperasi di kota / WUB yang dilatih dan "
     "dibina sejak 2016 × 100", "usaha_mikro", "3", True),
    ("iku-koperasi", "1.2", "Persentase Koperasi Berkualitas", "%", "ratio", "koperasi.quality",
     "koperasi.active", "Koperasi berkualitas / koperasi aktif × 100", "koperasi", "4", True),
    ("iku-penempatan", "2.1", "Besaran Pencari Kerja terdaftar yang ditempatkan", "orang", "count",
     "naker.placed", "", "Jumlah pencari kerja terdaftar yang ditempatkan dalam tahun berjalan", "p3k", "515",
     True),
    ("iku-kerja-layak", "2.2", "Persentase Perusahaan yang menerapkan tata kelola kerja yang layak", "%",
     "ratio", "hubind.decent_work", "hubind.reporting", "Perusahaan yang menerapkan PP/PKB, LKS Bipartit, "
     "struktur skala upah dan BPJS Ketenagakerjaan / perusahaan yang melapor (WLKP) × 100", "phijs", "5",
     True),
    ("iku-sakip", "3.1", "Persentase peningkatan Nilai Akuntabilitas Kinerja", "%", "growth",
     "kinerja.sakip_score", "", "(nilai SAKIP n − nilai n−1) / nilai n−1 × 100", "sekretariat", "1.06", True),
    ("tujuan-umkm", "", "Persentase Pertumbuhan Jumlah Usaha Mikro", "%", "growth", "umkm.active", "",
     "(usaha mikro aktif n − n−1) / n−1 × 100", "usaha_mikro", "0.1", False),
    ("tujuan-koperasi", "", "Pertumbuhan koperasi yang berkualitas", "%", "growth", "koperasi.quality", "",
     "(koperasi berkualitas n − n−1) / n−1 × 100", "koperasi", "2.91", False),
    ("tujuan-penempatan", "", "Persentase tenaga kerja yang ditempatkan", "%", "ratio", "naker.placed",
     "naker.registered", "Pencari kerja ditempatkan / pencari kerja terdaftar × 100", "p3k", "22", False),
]  # fmt: skip
GOAL_OF = {"tujuan-umkm": "1", "tujuan-koperasi": "1", "tujuan-penempatan": "2"}

# Tabel 3.3 "Realisasi Fisik dan Keuangan Tahun 2022": No, Kegiatan, pagu, realisasi (Rp), %, KET
BUDGET_2022 = [
    ('A', 'Program Penunjang Urusan Pemerintahan Daerah Kabupaten/Kota', '14.868.946.862', '13.944.016.586', '93.77', 'Sangat Berhasil'),
    ('I', 'Kegiatan Perencanaan, Penganggaran, dan Evaluasi Kinerja Perangkat Daerah', '8.219.769.332', '13.544.000', '90,29', 'Sangat Berhasil'),
    ('1', 'Sub Kegiatan Penyediaan Gaji dan Tunjangan ASN', '8.198.204.332', '7.540.673.694', '91.98', 'Sangat Berhasil'),
    ('2', 'Sub Kegiatan Pelaksanaan Penatausahaan dan Pengujian /Verifikasi Keuangan SKPD', '5.750.000', '0,-', '-100', 'Tidak Berhasil'),
    ('3', 'Sub Kegiatan Koordinasi dan Penyusunan Laporan Keuangan Akhir Tahun SKPD', '1.540.000', '1.540.000', '100', 'Sangat Berhasil 1'),
    ('4', 'Sub Kegiatan Pengelolaan dan Penyiapan Bahan Tanggapan Pemeriksaan', '1.000.000', '542.900', '54.29', 'Kurang Berhasil 1'),
    ('5', 'Sub Kegiatan Koordinasi dan Penyusunan Laporan Keuangan Bulanan/Triwulan/Semesteran SKPD', '13.275.000', '2.172.600', '16.37', 'Tidak Berhasil 1'),
    ('', 'Kegiatan Perencanaan, Penganggaran, dan Evaluasi Kinerja Perangkat Daerah', '23.499.000', '23.477.400', '99.91', 'Sangat Berhasil'),
    ('6', 'Sub Kegiatan Penyusunan Dokumen Perencanaan Perangkat Daerah', '6.028.800', '6.028.800', '100', 'Sangat Berhasil 1'),
    ('7', 'Sub Kegiatan Koordinasi dan Penyusunan Dokumen RKA-SKPD', '1.999.800', '1.999.600', '99.99', 'Sangat Berhasil 1'),
    ('8', 'Sub Kegiatan Koordinasi dan Penyusunan Dokumen Perubahan RKA-SKPD', '1.999.800', '1.999.600', '99.99', 'Sangat Berhasil 1'),
    ('9', 'Sub Kegiatan Koordinasi dan Penyusunan Laporan Capaian Kinerja dan Ikhtisar Realisasi Kinerja SKPD', '1.999.800', '1.999.800', '100', 'Sangat Berhasil 1'),
    ('10', 'Sub Kegiatan Evaluasi Kinerja Perangkat Daerah', '11.470.800', '11.450.100', '99.82', 'Sangat Berhasil 1'),
    ('', 'Kegiatan Administrasi Barang Milik Daerah pada Perangkat Daerah', '3.000.000', '1.209.600', '40.32', 'Tidak Berhasil 1'),
    ('11', 'Sub Kegiatan Penyusunan Perencanaan Kebutuhan Barang Milik Daerah SKPD', '3.000.000', '1.209.600', '40.32', 'Tidak Berhasil 1'),
    ('', 'Kagiatan Administrasi Kepegawaian Perangkat Daerah', '40.000.000', '40.000.000', '100', 'Sangat Berhasil 1'),
    ('12', 'Sub Kegiatan Peningkatan Saeana dan Prasarana Disiplin Pegawai', '40.000.000', '40.000.000', '100', 'Sangat Berhasil 1'),
    ('', 'Kegiatan Administrasi Umum Perangkat Daerah', '851.740.100', '446.536.234', '52.43', 'Kurang Berhasil 1'),
    ('13', 'Sub Kegiatan Penyediaan Komponen Instalasi Listrik /Penerangan Bangunan Kantor', '6.556.900', '6.118.800', '93.32', 'Sangat Berhasil'),
    ('14', 'Sub Kegiatan Penyediaan Peralatan dan Perlengkapan Kantor', '10.350.300', '9.160.000', '88.50', 'Sangat Berhasil'),
    ('15', 'Sub Kegiatan Penyediaan Peralatan Rumah Tangga', '73.640.700', '68.357.000', '92.83', 'Sangat Berhasil'),
    ('16', 'Sub Kegiatan Penyediaan Bahan Logistik Kantor', '111.827.300', '106.878.500', '95.57', 'Sangat Berhasil'),
    ('17', 'Sub Kegiatan Penyediaan Barang Cetakan dan Penggandaan', '15.000.000', '11.039.000', '73.59', 'Cukup Berhasil'),
    ('18', 'Sub Kegiatan Penyediaan Bahan Bacaan dan Peraturan Perundangan', '1.199.000', '1.020.000', '85.07', 'Berhasil'),
    ('19', 'Sub Kegiatan Fasilitasi Kunjungan Tamu', '9.999.900', '8.775.000', '87.75', 'Berhasil'),
    ('20', 'Sub Kegiatan Penyelenggaraan Rapat Koordinasi dan Konsultasi SKPD', '347.927.700', '235.187.934', '77.02', 'Berhasil'),
    ('', 'Pengadaan Barang Milik Daerah Penunjang Urusan Pemerintah Daerah', '5.129.525.400', '5.078.342.829', '99.00', 'Sangat Berhasil'),
    ('21', 'Sub Kegiatan Pengadaan Mebel', '25.306.000', '18.312.000', '72.36', 'Sangat Berhasi 1'),
    ('22', 'Sub Kegiatan Pengadaan Peralatan dan Mesin Lainnya', '46.389.000', '46.365.000', '99.95', 'Sangat Berhasi 1'),
    ('23', 'Sub Kegiatan Pengadaan Aset Tetap Lainnya', '10.000.000', '9.360.000', '93.60', 'Sangat Berhasi 1'),
    ('24', 'Sub Kegiatan Pengadaan Gedung Kantor atau Bangunan Lainnya', '4.199.999.800', '4.196.852.448', '99.93', 'Sangat Berhasi 1'),
    ('25', 'Sub Kegiatan Pengadaan Sarana dan Prasarana Pendukung Gedung Kantor atau Bangunan Lainnya', '847.830.600', '807.453.381', '95.24', 'Cukup Berhasi 1'),
    ('', 'Kegiatan Penyediaan Jasa Penunjang Urusan Pemerintahan Daerah', '492.537.830', '455.888.823', '92.56', 'Cukup Berhasi 1'),
    ('26', 'Sub Kegiatan Penyediaan Jasa Komunikasi, Sumber Daya Air dan Listrik', '191.142.850', '165.908.258', '86.80', 'Sangat Berhasi 1'),
    ('27', 'Sub Kegiatan Penyediaan Jasa Pelayanan Umum Kantor', '301.394.980', '289.980.565', '96.21', 'Sangat Berhasi 1'),
    ('', 'Kegiatan Pemeliharaan Barang Milik Daerah Penunjang Urusan Pemerintahan Daerah', '384.113.500', '353.632.506', '92.06', 'Sangat Berhasi 1'),
    ('28', 'Sub Kegiatan Penyediaan Jasa Pemeliharaan, Biaya Pemeliharaan dan Pajak Kendaraan Perorangan Dinas atau Kendaraan Dinas Jabatan', '146.233.700', '124.179.006', '84.92', 'Sangat Berhasil'),
    ('29', 'Sub Kegiatan Pemeliharaan Peralatan dan Mesin Lainnya', '47.880.000', '40.500.500', '84.59', 'Sangat Berhasil'),
    ('30', 'Sub Kegiatan Pemeliharaan/Rehabilitasi Sarana dan Prasarana Gedung Kantor atau Bangunan Lainnya', '180.000.000', '179.692.000', '99.83', 'Sangat Berhasil'),
    ('31', 'Sub Kegiatan Pemeliharaan/Rehabilitasi Sarana dan Prasarana Pendukung Gedung Kantor atau Bangunan Lainnya', '9.999.800', '9.261.000', '92.61', 'Sangat Berhasil'),
    ('', 'PROGRAM PENGAWASAN DAN PEMERIKSAAN KOPERASI', '343.894.900', '338.807.400', '98,52', 'Sangat Berhasil'),
    ('', 'Kegiatan Pemeriksaan dan Pengawasan Koperasi, Koperasi Simpan Pinjam/Unit Simpan Pinjam Koperasi yang Wilayah Keanggotaannya dalam Daerah Kabupaten/ Kota', '343.894.900', '338.807.400', '98.52', 'Sangat Berhasil'),
    ('32', 'Sub Kegiatan Pemeriksaan Kepatuhan Koperasi terhadap Peraturan Perundang- Undangan Kewenangan Kabupaten/Kota', '343.894.900', '338.807.400', '98.52', 'Sangat Berhasil'),
    ('', 'PROGRAM PENDIDIKAN DAN LATIHAN PERKOPERASIAN', '638.970.000', '638.830.250', '99.98', 'Sangat Berhasil'),
    ('', 'Pendidikan dan Latihan Perkoperasian Bagi Koperasi yang Wilayah Keanggotaan dalam Daerah Kabupaten/Kota', '638.970.000', '638.830.250', '99.98', 'Sangat Berhasil'),
    ('33', 'Sub Kegiatan Peningkatan Pemahaman dan Pengetahuan Perkoperasian serta Kapasitas dan Kompetensi SDM Koperasi', '638.970.000', '638.830.250', '99.98', 'Sangat Berhasil'),
    ('', 'PROGRAM PEMBERDAYAAN DAN PERLINDUNGAN KOPERASI', '46.185.000', '46.184.800', '99.99', 'Sangat Berhasil'),
    ('', 'Kegiatan Pemberdayaan dan Perlindungan Koperasi yang Keanggotaannya dalam Daerah Kabupaten/Kota', '46.185.000', '46.184.800', '99.99', 'Sangat Berhasil'),
    ('34', 'Sub Kegiatan Pemberdayaan Peningkatan Produktivitas, Nilai Tambah, Akses Pasar, Akses Pembiayaan, Penguatan Kelembagaan, Penataan Manajemen, Standarisasi, dan Restrukturisasi Usaha Koperasi Kewenangan Kabupaten/Kota', '46.185.000', '46.184.800', '99.99', 'Sangat Berhasil'),
    ('', 'PROGRAM PEMBERDAYAAN USAHA MENENGAH, USAHA KECIL, DAN USAHA MIKRO (UMKM)', '1.001.570.300', '901.338.304', '89.99', 'Sangat Berhasil'),
    ('', 'Kegiatan Pemberdayaan Usaha Mikro yang Dilakukan melalui Pendataan, Kemitraan, Kemudahan Perizinan, Penguatan Kelembagaan dan Koordinasi dengan Para Pemangku Kepentingan', '1.001.570.300', '901.338.304', '89.99', 'Sangat Berhasil'),
    ('35', 'Sub Kegiatan Pemberdayaan melalui Kemitraan Usaha Mikro', '48.440.000', '46.232.000', '95.44', 'Sangat Berhasil'),
    ('36', 'Sub Kegiatan Fasilitasi Kemudahan Perizinan Usaha Mikro', '42.409.800', '36.801.000', '86.77', 'Sangat Berhasil'),
    ('37', 'Sub Kegiatan Pemberdayaan Kelembagaan Potensi dan Pengembangan Usaha Mikro', '910.720.500', '818.305.304', '89.85', 'Sangat Berhasil'),
    ('', 'PROGRAM PENGEMBANGAN UMKM', '648.763.220', '641.741.760', '98.91', 'Sangat Berhasil'),
    ('', 'Kegiatan Pengembangan Usaha Mikro dengan Orientasi Peningkatan Skala Usaha Menjadi Usaha Kecil', '648.763.220', '641.741.760', '98.91', 'Sangat Berhasil'),
    ('38', 'Sub Kegiatan Fasilitasi Usaha Mikro Menjadi Usaha Kecil dalam Pengembangan Produksi dan Pengolahan, Pemasaran, SDM, serta Desain dan Teknologi', '648.763.220', '641.741.760', '98.91', 'Sangat Berhasil'),
    ('', 'PROGRAM PERENCANAAN TENAGA KERJA', '14.119.600', '2.270.000', '16.07', 'Tidak Berhasil'),
    ('', 'Kegiatan Penyusunan Rencana Tenaga Kerja (RTK)', '14.119.600', '2.270.000', '16.07', 'Sangat Berhasil'),
    ('39', 'Sub Kegiatan Penyusunan Rencana Tenaga Kerja Makro', '14.119.600', '2.270.000', '16.07', 'Sangat Berhasil'),
    ('', 'PROGRAM PELATIHAN KERJA DAN PRODUKTIVITAS TENAGA KERJA', '536.302.600', '509.539.660', '95.00', 'Sangat Berhasil'),
    ('', 'Kegiatan Pelaksanaan Pelatihan berdasarkan Unit Kompetensi', '439.440.000', '421.297.860', '95.87', 'Sangat Berhasil'),
    ('40', 'Sub Kegiatan Proses Pelaksanaan Pendidikan dan Pelatihan Keterampilan bagi Pencari Kerja berdasarkan Klaster Kompetensi', '439.440.000', '421.297.860', '95.87', 'Sangat Berhasil'),
    ('', 'Kegiatan Pembinaan Lembaga Pelatihan Kerja Swasta', '47.912.600', '47.912.600', '100', 'Sangat Berhasil'),
    ('41', 'Sub Kegiatan Pembinaan Lembaga Pelatihan Kerja Swasta', '47.912.600', '47.912.600', '100', 'Sangat Berhasil'),
    ('', 'Kegiatan Pengukuran Produktivitas Tingkat Daerah Kabupaten/Kota', '48.950.000', '40.329.200', '82.38', 'Sangat Berhasil'),
    ('42', 'Sub Kegiatan Pengukuran Kompetensi dan Produktivitas Tenaga Kerja', '48.950.000', '40.329.200', '82.38', 'Sangat Berhasil'),
    ('', 'PROGRAM PENEMPATAN TENAGA KERJA', '461.599.700', '436.227.200', '94.50', 'Sangat Berhasil'),
    ('', 'Kegiatan Pelayanan Antarkerja di Daerah Kabupaten/Kota', '192.239.900', '173.582.600', '90.29', 'Sangat Berhasil'),
    ('43', 'Sub Kegiatan Pelayanan antar Kerja', '8.950.000', '8.329.200', '93.06', 'Sangat Berhasil'),
    ('44', 'Sub Kegiatan Penyuluhan dan Bimbingan Jabatan bagi Pencari Kerja', '23.210.000', '23.210.000', '100', 'Sangat Berhasil'),
    ('45', 'Sub Kegiatan Perluasan Kesempatan Kerja', '160.079.900', '142.043.400', '88.73', 'Sangat Berhasil'),
    ('', 'Kegiatan Pengelolaan Informasi Pasar Kerja', '269.359.800', '262.644.600', '97.50', 'Sangat Berhasil'),
    ('46', 'Sub Kegiatan Pelayanan dan Penyediaan Informasi Pasar Kerja Online', '97.800.000', '92.944.600', '95.04', 'Sangat Berhasil'),
    ('47', 'Sub Kegiatan Job Fair/Bursa Kerja', '171.559.800', '169.700.000', '98.82', 'Sangat Berhasil'),
    ('', 'PROGRAM HUBUNGAN INDUSTRIAL', '276.049.000', '257.481.720', '93.27', 'Sangat Berhasil'),
    ('', 'Kegiatan Pengesahan Peraturan Perusahaan dan Pendaftaran Perjanjian Kerja Bersama untuk Perusahaan yang hanya Beroperasi dalam 1 (satu) Daerah Kabupaten/Kota', '173.684.700', '163.159.220', '93.93', 'Sangat Berhasil'),
    ('48', 'Sub Kegiatan Pendaftaran Perjanjian Kerjasama bagi Perusahaan', '34.804.100', '34.735.100', '99.80', 'Sangat Berhasil'),
    ('49', 'Sub Kegiatan Penyelenggaraan Pendataan dan Informasi Sarana Hubungan Industrial dan Jaminan Sosial Tenaga Kerja serta Pengupahan', '138.880.600', '128.424.120', '92.47', 'Sangat Berhasil'),
    ('', 'Pencegahan dan Penyelesaian Perselisihan Hubungan Industrial, Mogok Kerja dan Penutupan Perusahaan di Daerah Kabupaten/Kota', '102.364.300', '94.322.500', '92.14', 'Sangat Berhasil'),
    ('50', 'Sub Kegiatan Pencegahan Perselisihan Hubungan Industrial, Mogok Kerja, dan Penutupan Perusahaan yang Berakibat/Berdampak pada Kepentingan di 1 (satu) Daerah Kabupaten/Kota', '29.124.600', '29.124.600', '100', 'Sangat Berhasil'),
    ('51', 'Sub Kegiatan Penyelenggaraan Verifikasi dan Rekapitulasi Keanggotaan pada Organisasi Pengusaha, Federasi dan Konfederasi Serikat Pekerja/Serikat Buruh serta Non Afiliasi', '2.124.900', '1.500.000', '70.59', 'Cukup Berhasil'),
    ('52', 'Sub Kegiatan Pelaksanaan Operasional Lembaga Kerjasama Tripartit Daerah Kabupaten/Kota', '71.114.800', '63.697.900', '89.57', 'Sangat Berhasil'),
]  # fmt: skip
