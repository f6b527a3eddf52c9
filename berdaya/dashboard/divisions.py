"""The four divisions and the Secretariat's planning, as domain.md section 1 describes the office."""

from __future__ import annotations

from dataclasses import dataclass, replace

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from berdaya.accounts.roles import ROLE_DIVISION, Division


@dataclass(frozen=True)
class DivisionPage:
    """A working page of a division's module, listed on its landing page."""

    label: Promise
    url_name: str
    description: Promise
    icon: str = "list"


@dataclass(frozen=True)
class DivisionInfo:
    key: str
    name: Promise
    summary: Promise
    sections: tuple[Promise, ...]
    units: tuple[Promise, ...]  # units outside the three sections (UPTD BLK)
    pending: Promise  # the honest empty state until the division's registries exist
    icon: str
    pages: tuple[DivisionPage, ...] = ()  # the module's pages; empty until it exists

    def roles(self) -> list[str]:
        return [role for role, division in ROLE_DIVISION.items() if division == self.key]


DIVISIONS = {
    info.key: info
    for info in (
        DivisionInfo(
            key=Division.KOPERASI,
            name=_("Bidang Koperasi"),
            summary=_(
                "Pembinaan, pengawasan dan pengembangan koperasi yang anggotanya berada di dalam kota."
            ),
            sections=(
                _("Kelembagaan dan Pengawasan"),
                _("Pengembangan Usaha"),
                _("Fasilitasi Permodalan"),
            ),
            units=(),
            pending=_(
                "Registri koperasi sedang disiapkan; sementara itu data orang dapat dikelola di menu Orang."
            ),
            icon="building",
            pages=(
                DivisionPage(
                    _("Daftar koperasi"),
                    "koperasi:list",
                    _("Cari, saring, daftarkan, impor dan ekspor koperasi; status dari riwayat RAT."),
                    "building",
                ),
                DivisionPage(
                    _("Daftar pantauan"),
                    "koperasi:watch_list",
                    _("RAT segera jatuh tempo, terlambat atau terlewat, dengan tindakan berikutnya."),
                    "alert",
                ),
                DivisionPage(
                    _("Kunjungan saya"),
                    "koperasi:my_visits",
                    _("Penugasan kunjungan lapangan (PPKL) dan laporannya dari ponsel."),
                    "map",
                ),
                DivisionPage(
                    _("Tindak lanjut lewat batas"),
                    "koperasi:follow_ups",
                    _("Rekomendasi kunjungan yang belum selesai setelah batas waktunya."),
                    "history",
                ),
                DivisionPage(
                    _("Angka untuk laporan"),
                    "koperasi:figures",
                    _("Terdaftar, dibina kota, aktif, RAT tepat waktu dan pertumbuhan per tahun."),
                    "chart",
                ),
            ),
        ),
        DivisionInfo(
            key=Division.USAHA_MIKRO,
            name=_("Bidang Usaha Mikro"),
            summary=_("Pendataan, perizinan, pembinaan dan pemasaran usaha mikro."),
            sections=(
                _("Perizinan dan Kemitraan"),
                _("Promosi dan Pemasaran"),
                _("Pembinaan dan Permodalan"),
            ),
            units=(),
            pending=_(
                "Registri usaha mikro sedang disiapkan; "
                "sementara itu data orang dapat dikelola di menu Orang."
            ),
            icon="store",
            pages=(
                DivisionPage(
                    _("Daftar usaha mikro"),
                    "umkm:list",
                    _("Cari, saring, tambah dan ekspor data usaha mikro."),
                    "store",
                ),
                DivisionPage(
                    _("Kemungkinan duplikat"),
                    "umkm:dedup_list",
                    _("Periksa pasangan yang mirip, gabungkan atau tandai bukan duplikat."),
                    "users",
                ),
                DivisionPage(
                    _("Angka untuk laporan"),
                    "umkm:figures",
                    _("Jumlah terdaftar, aktif, naik kelas dan WUB mandiri per tahun."),
                    "chart",
                ),
            ),
        ),
        DivisionInfo(
            key=Division.TENAGA_KERJA,
            name=_("Bidang Pembinaan, Pelatihan dan Penempatan Tenaga Kerja (P3K)"),
            summary=_("Pelatihan kerja, penempatan tenaga kerja dan informasi pasar kerja."),
            sections=(
                _("Pelatihan dan Produktivitas"),
                _("Penempatan Tenaga Kerja"),
                _("Informasi Pasar Kerja dan Perluasan Kesempatan Kerja"),
            ),
            units=(_("UPTD Balai Latihan Kerja (BLK)"),),
            pending=_(
                "Registri pencari kerja dan pelatihan sedang disiapkan; "
                "sementara itu data orang dapat dikelola di menu Orang."
            ),
            icon="briefcase",
            pages=(
                DivisionPage(
                    _("Pencari kerja (AK/1)"),
                    "naker:jobseekers",
                    _("Daftarkan dari NIK, cetak kartu kuning, catat lapor 6 bulanan, perpanjang."),
                    "users",
                ),
                DivisionPage(
                    _("Jadwal lapor AK/1"),
                    "naker:due",
                    _("Kartu yang wajib lapor dalam 30 hari, terlambat atau menjadi tidak aktif."),
                    "alert",
                ),
                DivisionPage(
                    _("Lowongan kerja"),
                    "naker:vacancies",
                    _("Lowongan perusahaan, verifikasi petugas lain, pencocokan yang menjelaskan alasannya."),
                    "briefcase",
                ),
                DivisionPage(
                    _("Tanpa lowongan yang cocok"),
                    "naker:no_fit",
                    _("Pencari kerja yang tidak cocok dengan lowongan mana pun, per kelompok, dan sebabnya."),
                    "search",
                ),
                DivisionPage(
                    _("Penempatan"),
                    "naker:placements",
                    _("Penempatan dari semua jalur, verifikasi, panggilan tindak lanjut 30/60 hari."),
                    "check",
                ),
                DivisionPage(
                    _("Bursa kerja"),
                    "naker:fairs",
                    _("Stan perusahaan, lamaran per lowongan, wawancara, diterima, papan langsung, laporan."),
                    "briefcase",
                ),
                DivisionPage(
                    _("Perusahaan yang mungkin merekrut"),
                    "naker:likely_employers",
                    _("Per golongan jabatan, dari penempatan 2 tahun terakhir dan lowongan yang dibuka."),
                    "building",
                ),
                DivisionPage(
                    _("Rasio penempatan (R38)"),
                    "naker:figures",
                    _("Terdaftar, ditempatkan dan rasionya per tahun, dengan rincian; riwayat sejak 2016."),
                    "chart",
                ),
                DivisionPage(
                    _("Daftar jabatan (KBJI)"),
                    "naker:occupations",
                    _("Jabatan berkode KBJI 2014 dan jabatan serumpun; dinas dapat menambah."),
                    "list",
                ),
                # UPTD BLK and the institutions registries (berdaya.blk, berdaya.lembaga)
                DivisionPage(
                    _("Program dan angkatan BLK"),
                    "blk:programmes",
                    _("Unit kompetensi dan JP, seleksi adil, daftar hadir harian, uji kompetensi."),
                    "users",
                ),
                DivisionPage(
                    _("Pemagangan"),
                    "blk:apprenticeships",
                    _("Perusahaan penyelenggara, mentor, peserta dan hasilnya."),
                    "briefcase",
                ),
                DivisionPage(
                    _("LPK"),
                    "lembaga:lpk_list",
                    _("Lembaga pelatihan kerja swasta: izin, akreditasi, program dan pembinaan."),
                    "building",
                ),
                DivisionPage(
                    _("BKK"),
                    "lembaga:bkk_list",
                    _("Bursa kerja khusus di sekolah: SK, tanda pendaftaran, laporan penempatan alumni."),
                    "building",
                ),
            ),
        ),
        DivisionInfo(
            key=Division.HUBUNGAN_INDUSTRIAL,
            name=_("Bidang Hubungan Industrial dan Jaminan Sosial (PHIJS)"),
            summary=_(
                "Perselisihan hubungan industrial, kelembagaan ketenagakerjaan, "
                "pengupahan dan jaminan sosial."
            ),
            sections=(
                _("Perselisihan dan Syarat Kerja"),
                _("Kelembagaan Ketenagakerjaan"),
                _("Pengupahan dan Jaminan Sosial"),
            ),
            units=(),
            pending=_(
                "Registri hubungan industrial sedang disiapkan; "
                "sementara itu data orang dapat dikelola di menu Orang."
            ),
            icon="scale",
            pages=(
                DivisionPage(
                    _("Perselisihan"),
                    "hubind:cases",
                    _("Perkara dengan tenggat berikutnya dalam hari kerja; yang lewat batas berwarna merah."),
                    "scale",
                ),
                DivisionPage(
                    _("Tenggat"),
                    "hubind:deadlines",
                    _("Semua tenggat berjalan dengan dasar hukumnya."),
                    "alert",
                ),
                DivisionPage(
                    _("Perusahaan"),
                    "companies:list",
                    _("Satu registri perusahaan: cari, daftarkan, impor WLKP, duplikat, layak atau belum."),
                    "building",
                ),
                DivisionPage(
                    _("PP dan PKB"),
                    "hubind:agreements",
                    _("Pengesahan PP dan pendaftaran PKB: berkas, perbaikan, surat keputusan bernomor."),
                    "check",
                ),
                DivisionPage(
                    _("PP perlu diperbarui"),
                    "hubind:renewals",
                    _("PP yang berakhir dalam 60 hari."),
                    "history",
                ),
                DivisionPage(
                    _("Laporan PHK"), "hubind:layoffs", _("PHK yang dilaporkan perusahaan."), "list"
                ),
                DivisionPage(
                    _("Mogok dan penutupan perusahaan"),
                    "hubind:notices",
                    _("Pemberitahuan mogok kerja dan lock-out; yang kurang dari 7 hari ditandai."),
                    "alert",
                ),
                DivisionPage(
                    _("Dewan Pengupahan dan LKS Tripartit"),
                    "hubind:meetings",
                    _("Rapat dengan anggota hadir per unsur, notulen dan keputusan."),
                    "users",
                ),
                DivisionPage(_("Anggota lembaga"), "hubind:members", _("Anggota per unsur."), "users"),
                DivisionPage(
                    _("Serikat pekerja"),
                    "hubind:unions",
                    _("SP/SB dengan verifikasi jumlah anggota."),
                    "users",
                ),
                DivisionPage(
                    _("Kalender hari kerja"),
                    "workdays:calendar",
                    _("Hari libur nasional dan cuti bersama per tahun (SKB); dasar semua tenggat."),
                    "history",
                ),
            ),
        ),
        DivisionInfo(
            key=Division.KINERJA,
            name=_("Perencanaan dan Kinerja (Sekretariat)"),
            summary=_("Perencanaan dan pelaporan kinerja dinas (SAKIP)."),
            sections=(
                _("Rencana Strategis (Renstra)"),
                _("Indikator Kinerja Utama (IKU)"),
                _("Perjanjian Kinerja (PK)"),
                _("Laporan Kinerja (LAKIP)"),
            ),
            units=(),
            pending=_("Modul perencanaan dan kinerja (Renstra, IKU, PK, LAKIP) sedang disiapkan."),
            icon="chart",
            pages=(
                DivisionPage(
                    _("Dasbor kinerja"),
                    "kinerja:dashboard",
                    _("Lima IKU: target, realisasi, capaian, kategori dan tren; tutup periode."),
                    "chart",
                ),
                DivisionPage(
                    _("Renstra dan indikator"),
                    "kinerja:plan",
                    _("Tujuan, sasaran, indikator dengan rumus dari pustaka ukuran dan target tahunan."),
                    "list",
                ),
                DivisionPage(
                    _("Perjanjian Kinerja"),
                    "kinerja:agreements",
                    _("PK per tahun dan unit sampai eselon IV, dengan revisi dan tampilan cetak."),
                    "list",
                ),
                DivisionPage(
                    _("Pemantauan rencana aksi"),
                    "kinerja:monitoring",
                    _("Target triwulan per unit, realisasi langsung dari registri, siapa yang tertinggal."),
                    "chart",
                ),
                DivisionPage(
                    _("Realisasi anggaran"),
                    "kinerja:budget",
                    _("Program, kegiatan, sub kegiatan: pagu, realisasi keuangan dan fisik; impor XLSX."),
                    "list",
                ),
                DivisionPage(
                    _("Pemeriksaan data"),
                    "kinerja:checks",
                    _("Temuan struktur dan konsistensi (S9-S11) dengan tautan untuk memperbaikinya."),
                    "list",
                ),
                DivisionPage(
                    _("Pustaka ukuran"),
                    "kinerja:measures",
                    _("Ukuran yang dihitung registri dan ukuran manual dengan bukti."),
                    "list",
                ),
                DivisionPage(
                    _("Analisis SWOT"),
                    "kinerja:swot",
                    _("Matriks SWOT per tahun dan strategi SO/ST/WO/WT yang terhubung ke program."),
                    "list",
                ),
                DivisionPage(
                    _("Laporan kinerja (LAKIP)"),
                    "kinerja:report",
                    _("Buat LAKIP tahunan sebagai DOCX, PDF dan XLSX dari data; sunting narasinya."),
                    "download",
                ),
            ),
        ),
    )
}

# Every division runs events (berdaya.training: trainings, socialisation, exhibitions, job fairs, BLK): each
# landing page lists the one event module.
EVENT_PAGES = (
    DivisionPage(
        _("Kegiatan dan pelatihan"),
        "training:list",
        _("Rencanakan kegiatan, undang secara adil, daftarkan peserta, presensi QR, sertifikat."),
        "users",
    ),
    DivisionPage(
        _("Tindak lanjut peserta"),
        "training:follow_ups",
        _("Tindak lanjut 1, 3, 6 bulan setelah kegiatan; yang terlambat per petugas."),
        "history",
    ),
    DivisionPage(
        _("Cakupan kegiatan"),
        "training:coverage",
        _("Kelurahan yang dijangkau kegiatan per tahun, dan yang belum."),
        "map",
    ),
)
DIVISIONS = {key: replace(info, pages=info.pages + EVENT_PAGES) for key, info in DIVISIONS.items()}
