from django.urls import path

from . import views, views_partner

app_name = "programs"
urlpatterns = [
    path("", views.program_list, name="list"),
    path("baru/", views.program_create, name="create"),
    path("<int:pk>/", views.program_detail, name="detail"),
    path("<int:pk>/ubah/", views.program_edit, name="edit"),
    path("<int:pk>/setujui/", views.program_bulk_approve, name="bulk_approve"),
    path("<int:pk>/jangkauan/", views.outreach, name="outreach"),
    path("<int:pk>/laporan/", views.program_report, name="report"),
    path("pengajuan/baru/", views.application_create, name="application_create"),
    path("pengajuan/<int:pk>/", views.application_detail, name="application"),
    path("pengajuan/<int:pk>/dokumen/", views.application_document, name="document"),
    path("pengajuan/<int:pk>/pernyataan/", views.application_declarations, name="declarations"),
    path("pengajuan/<int:pk>/voucher/", views.voucher_card, name="voucher_card"),
    path("pengajuan/<int:pk>/surat/", views.fee_waiver_letter, name="letter"),
    path("pengajuan/<int:pk>/voucher/kode/", views.voucher_otp, name="voucher_otp"),
    path("pengajuan/<int:pk>/voucher/ulang/", views.voucher_reissue, name="voucher_reissue"),
    path("pengajuan/<int:pk>/<slug:action>/", views.application_transition, name="transition"),
    path("kunjungan/", views.visit_list, name="visits"),
    path("kunjungan/<int:pk>/", views.visit_record, name="visit"),
    path("mitra/", views_partner.partner_home, name="partner"),
    path("mitra/tukar/", views_partner.partner_redeem, name="partner_redeem"),
    path("mitra/voucher/", views_partner.partner_vouchers, name="partner_vouchers"),
]
