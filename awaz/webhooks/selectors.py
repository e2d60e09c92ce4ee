"""Reads for the workspace's webhook pages."""

from awaz.organizations.models import Organization
from awaz.webhooks.models import Attempt, Endpoint


def endpoints_of_organization(*, organization: Organization) -> list[Endpoint]:
    return list(Endpoint.objects.filter(organization=organization))


def endpoint_of_organization(*, organization: Organization, pk: int) -> Endpoint | None:
    return Endpoint.objects.filter(organization=organization, pk=pk).first()


def attempts_of_endpoint(*, endpoint: Endpoint, limit: int = 50) -> list[Attempt]:
    """The latest attempts, newest first, with their delivery's event and petition."""
    return list(
        Attempt.objects.filter(delivery__endpoint=endpoint).select_related(
            "delivery", "delivery__petition"
        )[:limit]
    )
