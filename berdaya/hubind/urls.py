from django.urls import path

from . import views

app_name = "hubind"
urlpatterns = [
    path("perkara/", views.case_list, name="cases"),
    path("perkara/baru/", views.dispute_create, name="dispute_create"),
    path("perkara/<int:pk>/", views.dispute_detail, name="dispute"),
    path("perkara/<int:pk>/penyelesaian/", views.dispute_route, name="dispute_route"),
    path("perkara/<int:pk>/sidang/", views.dispute_hearing, name="dispute_hearing"),
    path(
        "perkara/<int:pk>/klarifikasi/<str:step>/", views.dispute_clarification, name="dispute_clarification"
    ),
    path(
        "perkara/<int:pk>/arbitrase/perpanjang/",
        views.dispute_arbitration_extend,
        name="dispute_arbitration_extend",
    ),
    path("perkara/<int:pk>/anjuran/", views.dispute_recommend, name="dispute_recommend"),
    path("perkara/<int:pk>/jawaban/", views.dispute_answer, name="dispute_answer"),
    path("perkara/<int:pk>/tanpa-jawaban/", views.dispute_silent, name="dispute_silent"),
    path("perkara/<int:pk>/tutup/", views.dispute_close, name="dispute_close"),
    path("perkara/<int:pk>/dokumen/<str:kind>.<str:fmt>", views.dispute_document, name="dispute_document"),
    path("tenggat/", views.deadline_list, name="deadlines"),
    path("perusahaan/<int:pk>/", views.company_page, name="company"),
    path("perusahaan/<int:pk>/kelengkapan/", views.item_add, name="item_add"),
    path("perusahaan/<int:pk>/wlkp/", views.report_add, name="report_add"),
    path("pembaruan-pp/", views.renewal_list, name="renewals"),
    path("pp-pkb/", views.agreement_list, name="agreements"),
    path("pp-pkb/baru/", views.agreement_create, name="agreement_create"),
    path("pp-pkb/<int:pk>/", views.agreement_detail, name="agreement"),
    path("pp-pkb/<int:pk>/periksa/", views.agreement_review, name="agreement_review"),
    path("pp-pkb/<int:pk>/putus/", views.agreement_decide, name="agreement_decide"),
    path("pp-pkb/<int:pk>/keputusan.<str:fmt>", views.agreement_letter, name="agreement_letter"),
    path("phk/", views.layoff_list, name="layoffs"),
    path("mogok/", views.notice_list, name="notices"),
    path("rapat/", views.meeting_list, name="meetings"),
    path("rapat/anggota/", views.member_list, name="members"),
    path("serikat/", views.union_list, name="unions"),
    path("serikat/<int:pk>/verifikasi/", views.union_verify, name="union_verify"),
]
