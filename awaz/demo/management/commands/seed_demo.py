import datetime

from django.core.management.base import BaseCommand
from django.db import transaction

from awaz.demo import content as demo
from awaz.demo.signatures import demo_signatures_create
from awaz.organizations.models import Organization
from awaz.petitions.conversion import petition_texts_convert
from awaz.petitions.housekeeping import petitions_close_expired
from awaz.petitions.models import Petition
from awaz.petitions.services import petition_create, petition_text_save


def _moment(day: datetime.date) -> datetime.datetime:
    return datetime.datetime.combine(day, datetime.time(12), tzinfo=datetime.UTC)


class Command(BaseCommand):
    help = "Load the demo organization and petitions once; running it again changes nothing."

    @transaction.atomic
    def handle(self, *args: object, **options: object) -> None:
        for spec in demo.ORGANIZATIONS:
            organization, created = Organization.objects.get_or_create(
                slug=spec.slug,
                defaults={
                    "name": spec.name,
                    "description": spec.description,
                    "website": spec.website,
                },
            )
            if created:
                self.stdout.write(f"Created organization {organization.name}")
            for petition_spec in spec.petitions:
                self._petition(organization, petition_spec)
        petitions_close_expired()  # a demo petition whose closing date passed ends as any would

    def _petition(self, organization: Organization, spec: demo.DemoPetition) -> None:
        if Petition.objects.filter(slug=spec.slug).exists():
            return
        petition = petition_create(
            organization=organization,
            slug=spec.slug,
            original_language=spec.original_language,
            first_goal=spec.first_goal,
            # An ended one is created open and ends by its closing date, like any petition.
            status=Petition.Status.OPEN if spec.status in Petition.ENDED else spec.status,
            published_at=_moment(spec.published_on),
            closes_at=_moment(spec.closes_on) if spec.closes_on else None,
        )
        for text in spec.texts:
            saved = petition_text_save(
                petition=petition,
                language=text.language,
                title=text.title,
                target=text.target,
                summary=text.summary,
                body=text.body,
                links=text.links,
            )
            if text.language == "ug":
                petition_texts_convert(source=saved, proper_nouns=spec.proper_nouns)
        if spec.risky_email_countries or spec.proper_nouns:
            Petition.objects.filter(pk=petition.pk).update(
                risky_email_countries=spec.risky_email_countries,
                proper_nouns="\n".join(spec.proper_nouns),
            )
        demo_signatures_create(petition=petition, count=spec.signatures)
        self.stdout.write(f"Created petition {petition.slug}")
