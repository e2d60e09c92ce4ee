"""The API's documents, in the OSDI petition and signature vocabulary where it has a word
(`title`, `description`, `petition_text`, `target`, `total_signatures`, `browser_url`,
`featured_image_url`, `created_date`, `action_date`, ...). Input documents refuse unknown
fields (`extra="forbid"`), so a typo is an error, not a silently ignored field."""

import datetime

from ninja import Schema
from pydantic import ConfigDict, Field

from awaz.petitions.models import PetitionStatus


class Target(Schema):
    name: str = Field(description="The decision maker the petition is addressed to.")


class Link(Schema):
    title: str
    url: str


class Version(Schema):
    """The petition in one language or script."""

    language: str = Field(description="Language code: en, ug, ug-latn, ug-cyrl, kk, ru, tr, ...")
    title: str
    description: str = Field(description="The summary.")
    petition_text: str = Field(description="The text, in Markdown.")
    petition_text_html: str = Field(description="The text as the page shows it (sanitized HTML).")
    target: list[Target]
    featured_image_alt: str
    links: list[Link] = Field(description='The "more information" links of this version.')
    browser_url: str = Field(description="The petition's page in this language.")


class Milestone(Schema):
    goal: int
    reached_date: datetime.datetime


class Update(Schema):
    created_date: datetime.datetime
    language: str
    title: str
    text: str = Field(description="Markdown.")


class CountryCount(Schema):
    country: str = Field(description="ISO 3166-1 alpha-2 code.")
    total_signatures: int


class Countries(Schema):
    """Confirmed signatures by country; a country with fewer than `smallest_group` signatures
    is never named but counted in `other_countries`, as everywhere on Awaz."""

    shown: list[CountryCount]
    other_countries: int
    smallest_group: int


class OrganizationRef(Schema):
    name: str
    slug: str
    browser_url: str


class PetitionSummary(Schema):
    identifiers: list[str] = Field(description='"awaz:<slug>".')
    slug: str
    status: PetitionStatus
    language: str = Field(description="The language of the title and description given.")
    title: str
    description: str
    target: list[Target]
    total_signatures: int
    goal: int = Field(description="The next goal of the ladder above the count.")
    browser_url: str
    created_date: datetime.datetime | None = Field(description="When it was published.")
    organization: OrganizationRef


class Petition(PetitionSummary):
    original_language: str
    petition_text: str
    featured_image_url: str | None
    action_date: datetime.datetime | None = Field(description="When it stops taking signatures.")
    end_date: datetime.datetime | None = Field(description="When it closed or was won.")
    modified_date: datetime.datetime | None
    victory_statement: str
    signable: bool
    versions: list[Version]
    milestones: list[Milestone]
    updates: list[Update]
    countries: Countries


class PetitionList(Schema):
    petitions: list[PetitionSummary]
    next: str | None = Field(description="The cursor of the next page, or null on the last.")


class Count(Schema):
    slug: str
    total_signatures: int
    goal: int


class Organization(Schema):
    name: str
    slug: str
    description: str
    website: str
    logo_url: str | None
    browser_url: str
    petitions: list[PetitionSummary]


# The organization's own endpoints (a key).


class OwnPetition(Schema):
    slug: str
    status: PetitionStatus
    title: str
    total_signatures: int
    created_date: datetime.datetime
    browser_url: str | None = Field(description="null while the public may not read it.")


class OwnPetitionList(Schema):
    organization: str
    petitions: list[OwnPetition]


class Signature(Schema):
    """One confirmed signature, with exactly what the organization's CSV export gives."""

    created_date: datetime.datetime
    confirmed_date: datetime.datetime
    country: str
    first_name: str = Field(description='"" unless the signer chose to be shown publicly.')
    comments: str = Field(description='"" unless the signer chose to be shown publicly.')
    email_address: str = Field(description='"" unless the signer agreed to be contacted.')
    source: str = Field(description='"" for Awaz\'s own form, else the tag it was recorded with.')


class SignatureList(Schema):
    signatures: list[Signature]
    next: str = Field(description="Pass as `since` to get what was confirmed after these.")


class SignatureIn(Schema):
    """A signature collected elsewhere (a partner's form). The signer gets the same e-mail as on
    Awaz and is counted only once they confirm from it."""

    model_config = ConfigDict(extra="forbid")

    name: str = Field(max_length=100)
    email_address: str = Field(max_length=254)
    country: str = Field(min_length=2, max_length=2, description="ISO 3166-1 alpha-2 code.")
    comments: str = Field(default="", max_length=1000)
    public: bool = Field(default=False, description="Show the first name (and comment).")
    wants_updates: bool = False
    contact_consent: bool = Field(default=False, description="The organization may write.")
    language: str | None = Field(
        default=None, description="Of the confirmation e-mail; the petition's own by default."
    )
    source: str = Field(
        min_length=1, max_length=40, pattern=r"^[a-z0-9][a-z0-9._-]*$", description="Your tag."
    )
    risk_acknowledged: bool = Field(
        default=False,
        description="The signer was warned that their mail provider is in a country the "
        "petition names, and wants the e-mail sent anyway.",
    )


class Accepted(Schema):
    detail: str
