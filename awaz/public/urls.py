from django.urls import path

from awaz.public import views

app_name = "public"
urlpatterns = [
    path("", views.home, name="home"),
    path("petitions/<slug:slug>/", views.petition_detail, name="petition-detail"),
    path("organizations/<slug:slug>/", views.organization_detail, name="organization-detail"),
]
