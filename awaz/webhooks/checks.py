"""The deploy check that keeps the tests' loopback exception out of production."""

from typing import Any

from django.conf import settings
from django.core.checks import CheckMessage, Error, Tags, register


@register(Tags.security, deploy=True)
def webhook_test_networks_refused(**kwargs: Any) -> list[CheckMessage]:
    if settings.AWAZ_WEBHOOK_TEST_NETWORKS:
        return [
            Error(
                "AWAZ_WEBHOOK_TEST_NETWORKS lets webhooks reach private networks: tests only.",
                id="awaz.webhooks.E001",
            )
        ]
    return []
