from django.urls import URLPattern, URLResolver, include, path

from awaz.dashboard.views import (
    api_keys,
    audit,
    organizations,
    paper,
    petitions,
    signatures,
    texts,
    updates,
    webhooks,
)

app_name = "dashboard"

text_patterns: list[URLPattern | URLResolver] = [
    path("", texts.text_edit, name="text-edit"),
    path("preview/", texts.text_preview, name="text-preview"),
    path("review/", texts.text_review, name="text-review"),
    path("convert-again/", texts.text_convert_again, name="text-convert-again"),
    path("names/", texts.text_names, name="text-names"),
]

petition_patterns: list[URLPattern | URLResolver] = [
    path("", petitions.petition_detail, name="petition"),
    path("settings/", petitions.petition_settings, name="petition-settings"),
    path("image/", petitions.petition_image, name="petition-image"),
    path("victory/", petitions.petition_victory, name="petition-victory"),
    path("history/", petitions.petition_history, name="petition-history"),
    path("do/<slug:move>/", petitions.petition_move, name="petition-move"),
    path("signatures.csv", signatures.export_csv, name="signatures-export"),
    path("delivery-list.csv", signatures.delivery_list_csv, name="delivery-list"),
    path("delivery.pdf", signatures.delivery_document, name="delivery-document"),
    path("paper/", paper.paper_batches, name="paper"),
    path("paper/sheet.pdf", paper.paper_sheet, name="paper-sheet"),
    path("paper/<int:batch>/undo/", paper.paper_batch_undo, name="paper-undo"),
    path("updates/new/", updates.update_new, name="update-new"),
    path("response/new/", updates.response_new, name="response-new"),
    path("updates/<int:update>/", updates.update_detail, name="update"),
    path("updates/<int:update>/send/", updates.update_send, name="update-send"),
    path("updates/<int:update>/<str:language>/", updates.update_text_edit, name="update-text"),
    path("texts/<str:language>/", include(text_patterns)),
]

organization_patterns: list[URLPattern | URLResolver] = [
    path("", organizations.organization_detail, name="organization"),
    path("settings/", organizations.organization_settings, name="organization-settings"),
    path(
        "descriptions/<str:language>/",
        organizations.description_edit,
        name="organization-description",
    ),
    path("settings/api-keys/", api_keys.api_keys, name="api-keys"),
    path("settings/api-keys/<int:pk>/revoke/", api_keys.api_key_revoke, name="api-key-revoke"),
    path("members/", organizations.members, name="members"),
    path("audit-log/", audit.audit_log, name="audit-log"),
    path("members/invite/", organizations.invite, name="invite"),
    path("members/<int:pk>/", organizations.member_update, name="member-update"),
    path(
        "invitations/<int:pk>/withdraw/",
        organizations.invitation_revoke,
        name="invitation-revoke",
    ),
    path("webhooks/", webhooks.webhooks, name="webhooks"),
    path("webhooks/<int:pk>/", webhooks.webhook_detail, name="webhook"),
    path("webhooks/<int:pk>/remove/", webhooks.webhook_remove, name="webhook-remove"),
    path("webhooks/<int:pk>/switch-on/", webhooks.webhook_enable, name="webhook-enable"),
    path("new-petition/", petitions.petition_new, name="petition-new"),
    path("petitions/<slug:petition>/", include(petition_patterns)),
]

urlpatterns = [
    path("", organizations.home, name="home"),
    path("new-organization/", organizations.organization_new, name="organization-new"),
    path("invitations/<str:token>/", organizations.invitation, name="invitation"),
    path("organizations/<slug:organization>/", include(organization_patterns)),
]
