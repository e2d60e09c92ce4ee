"""The moderators' part of the dashboard, under /dashboard/moderation/ (staff only)."""

from django.urls import path

from awaz.dashboard.views import abuse, featuring, held, moderation

app_name = "moderation"
urlpatterns = [
    path("", moderation.queue, name="queue"),
    path("petitions/<int:pk>/", moderation.petition_review, name="petition"),
    path("petitions/<int:pk>/approve/", moderation.petition_approve, name="approve"),
    path("petitions/<int:pk>/reject/", moderation.petition_reject, name="reject"),
    path("petitions/<int:pk>/challenge/", moderation.petition_challenge, name="challenge"),
    path("petitions/<int:pk>/featured/", featuring.petition_featured, name="featured"),
    path("reports/", moderation.reports, name="reports"),
    path("reports/<int:pk>/<slug:action>/", moderation.report_act, name="report-act"),
    path("trending/", abuse.trending, name="trending"),
    path("trending/<int:pk>/", abuse.trending_petition, name="trending-petition"),
    path("held/", held.held, name="held"),
    path("held/<int:pk>/", held.held_petition, name="held-petition"),
    path("held/<int:pk>/act/", held.held_act, name="held-act"),
    path("invalidations/", abuse.invalidations, name="invalidations"),
    path("lists/", abuse.lists, name="lists"),
    path("lists/<int:pk>/remove/", abuse.list_remove, name="list-remove"),
    path("settings/", abuse.site_settings, name="settings"),
]
