from django.urls import path

from awaz.public import discovery, feeds, my_signatures, privacy, reporting, spreading, views

app_name = "public"
urlpatterns = [
    path("", discovery.home, name="home"),
    path("search/", discovery.search, name="search"),
    path("petitions/", discovery.browse, name="browse"),
    path("feeds/petitions.atom", feeds.PetitionsFeed(), name="feed-petitions"),
    path("feeds/language.atom", feeds.LanguagePetitionsFeed(), name="feed-language"),
    path("petitions/<slug:slug>/", views.petition_detail, name="petition-detail"),
    path("petitions/<slug:slug>/updates.atom", feeds.PetitionUpdatesFeed(), name="feed-updates"),
    path("petitions/<slug:slug>/share.png", spreading.petition_share_image, name="share-image"),
    path("petitions/<slug:slug>/qr.svg", spreading.petition_qr, {"kind": "svg"}, name="qr-svg"),
    path("petitions/<slug:slug>/qr.png", spreading.petition_qr, {"kind": "png"}, name="qr-png"),
    path(
        "petitions/<slug:slug>/flyer-a4.pdf",
        spreading.petition_flyer,
        {"size": "a4"},
        name="flyer-a4",
    ),
    path(
        "petitions/<slug:slug>/flyer-letter.pdf",
        spreading.petition_flyer,
        {"size": "letter"},
        name="flyer-letter",
    ),
    path("petitions/<slug:slug>/embed/", views.petition_embed, name="petition-embed"),
    path("petitions/<slug:slug>/sign/", views.petition_sign, name="petition-sign"),
    path("petitions/<slug:slug>/check-your-inbox/", views.petition_signed, name="petition-signed"),
    path("petitions/<slug:slug>/thank-you/", views.petition_thanks, name="petition-thanks"),
    path("petitions/<slug:slug>/report/", reporting.petition_report, name="petition-report"),
    path(
        "petitions/<slug:slug>/report/thank-you/",
        reporting.petition_reported,
        name="petition-reported",
    ),
    path("signatures/confirm/<str:token>/", views.signature_confirm_view, name="signature-confirm"),
    path("signatures/remove/<str:token>/", views.signature_remove_view, name="signature-remove"),
    path(
        "signatures/unsubscribe/<str:token>/",
        views.signature_unsubscribe_view,
        name="signature-unsubscribe",
    ),
    path("organizations/<slug:slug>/", views.organization_detail, name="organization-detail"),
    path(
        "organizations/<slug:slug>/petitions.atom",
        feeds.OrganizationPetitionsFeed(),
        name="feed-organization",
    ),
    path("privacy/", privacy.privacy, name="privacy"),
    path("my-signatures/", my_signatures.request_link, name="my-signatures"),
    path("my-signatures/open/<str:token>/", my_signatures.open_link, name="my-signatures-open"),
    path("my-signatures/list/", my_signatures.signature_list, name="my-signatures-list"),
    path("my-signatures/data.json", my_signatures.data_download, name="my-signatures-data"),
    path("my-signatures/withdraw/", my_signatures.withdraw, name="my-signatures-withdraw"),
    path("my-signatures/stop-emails/", my_signatures.stop_emails, name="my-signatures-stop"),
    path("my-signatures/finish/", my_signatures.finish, name="my-signatures-finish"),
]
