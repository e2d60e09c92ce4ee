"""The tools other views use to change a header: frame_ancestors, and the default for forms."""

import pytest
from django.test import Client

from tests.security.test_headers import POLICY

pytestmark = pytest.mark.urls("tests.security.urls")


def test_an_embed_page_may_be_framed_by_any_site_and_keeps_the_rest_of_the_policy():
    response = Client().get("/embed/")
    assert response["Content-Security-Policy"] == POLICY.replace(
        "frame-ancestors 'none'", "frame-ancestors *"
    )
    assert "X-Frame-Options" not in response  # it would forbid what the policy allows


def test_a_page_framed_by_this_site_only_says_so_in_both_headers():
    response = Client().get("/same-site/")
    assert response["Content-Security-Policy"].endswith("frame-ancestors 'self'")
    assert response["X-Frame-Options"] == "SAMEORIGIN"


def test_a_page_may_name_the_sites_that_frame_it():
    response = Client().get("/partners/")
    assert response["Content-Security-Policy"].endswith(
        "frame-ancestors https://news.example https://blog.example"
    )
    assert "X-Frame-Options" not in response


def test_a_page_without_the_decorator_cannot_be_framed():
    response = Client().get("/default/")
    assert response["Content-Security-Policy"] == POLICY
    assert response["X-Frame-Options"] == "DENY"


def test_the_decorator_follows_the_policy_in_settings(settings):
    settings.SECURE_CSP = {**settings.SECURE_CSP, "img-src": ["'self'", "data:"]}
    policy = Client().get("/embed/")["Content-Security-Policy"]
    assert "img-src 'self' data:" in policy
    assert "frame-ancestors *" in policy


def test_a_new_page_with_a_form_is_not_stored_unless_its_view_says_otherwise():
    response = Client().get("/form/")
    assert "no-store" in response["Cache-Control"]
    assert "no-store" not in Client().get("/default/").get("Cache-Control", "")
