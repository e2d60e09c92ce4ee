from django.urls import path

from awaz.public import views

app_name = "public"
urlpatterns = [
    path("", views.home, name="home"),
    path("petitions/<slug:slug>/", views.petition_detail, name="petition-detail"),
    path("petitions/<slug:slug>/sign/", views.petition_sign, name="petition-sign"),
    path("petitions/<slug:slug>/check-your-inbox/", views.petition_signed, name="petition-signed"),
    path("petitions/<slug:slug>/thank-you/", views.petition_thanks, name="petition-thanks"),
    path("signatures/confirm/<str:token>/", views.signature_confirm_view, name="signature-confirm"),
    path("signatures/remove/<str:token>/", views.signature_remove_view, name="signature-remove"),
    path("organizations/<slug:slug>/", views.organization_detail, name="organization-detail"),
]
