"""The demo content `manage.py seed_demo` loads: the seed petition and its organization's others."""

import datetime
from dataclasses import dataclass, field
from pathlib import Path

from awaz.petitions.services import LinkInput

HERE = Path(__file__).parent  # the Markdown bodies lie beside this module


def _body(name: str) -> str:
    return (HERE / name).read_text(encoding="utf-8").strip()


@dataclass(frozen=True)
class DemoText:
    language: str
    title: str
    target: str
    summary: str
    body: str
    links: tuple[LinkInput, ...] = ()


@dataclass(frozen=True)
class DemoPetition:
    slug: str
    status: str
    original_language: str
    first_goal: int
    published_on: datetime.date
    texts: tuple[DemoText, ...]
    closes_on: datetime.date | None = None
    signatures: int = 0  # confirmed demo signatures, so lists and the ladder show real data
    # Names the converter capitalizes in Latin and Cyrillic (Arabic script has no capitals).
    proper_nouns: tuple[str, ...] = ()
    # Signers using a mail provider of these countries are warned (awaz.petitions.mailproviders).
    risky_email_countries: str = ""


@dataclass(frozen=True)
class DemoOrganization:
    slug: str
    name: str
    description: str
    website: str
    petitions: tuple[DemoPetition, ...] = field(default=())


SERIKZHAN_LINKS_EN = (
    LinkInput("Serikzhan Bilash (Wikipedia)", "https://en.wikipedia.org/wiki/Serikzhan_Bilash"),
    LinkInput(
        "Xinjiang internment camps (Wikipedia)",
        "https://en.wikipedia.org/wiki/Xinjiang_internment_camps",
    ),
    LinkInput("Uyghur Human Rights Project", "https://uhrp.org/"),
)
SERIKZHAN_LINKS_UG = (
    LinkInput("ئەركىن ئاسىيا رادىئوسى", "https://www.rfa.org/uyghur/"),
    LinkInput("ئۇيغۇر كىشىلىك ھوقۇق قۇرۇلۇشى", "https://uhrp.org/"),
)

SERIKZHAN = DemoPetition(
    slug="save-serikzhan-bilash",
    status="open",
    original_language="en",
    first_goal=500,
    risky_email_countries="CN",
    proper_nouns=(
        "سېرىكجان",
        "بىلاش",
        "ئاتا-جۇرت",
        "قازاقىستان",
        "شەرقىي تۈركىستان",
        "تۈركىستان",
        "خىتاي",
        "شىنجاڭ",
        "ئۇيغۇر",
        "قازاق",
        "قىرغىز",
        "ئەركىن ئاسىيا رادىئوسى",
    ),
    published_on=datetime.date(2019, 6, 18),
    texts=(
        DemoText(
            language="en",
            title="Let’s Honor Justice and Save Serikzhan Bilash",
            target="the Government of Kazakhstan",
            summary=(
                "Serikzhan Bilash helped the world learn about the camps in East Turkestan. "
                "Kazakhstan arrested him. We ask for his immediate and unconditional release."
            ),
            body=_body("serikzhan-bilash.en.md"),
            links=SERIKZHAN_LINKS_EN,
        ),
        DemoText(
            language="ug",
            title="ئادالەتنى ھۆرمەتلەيلى، سېرىكجان بىلاشنى قۇتقۇزايلى",
            target="قازاقىستان ھۆكۈمىتى",
            summary=(
                "سېرىكجان بىلاش دۇنيانىڭ شەرقىي تۈركىستاندىكى لاگېرلارنى بىلىشىگە ياردەم بەردى. "
                "قازاقىستان ئۇنى قولغا ئالدى. "
                "بىز ئۇنى دەرھال ۋە شەرتسىز قويۇپ بېرىشنى تەلەپ قىلىمىز."
            ),
            body=_body("serikzhan-bilash.ug.md"),
            links=SERIKZHAN_LINKS_UG,
        ),
    ),
)

TORCHLIGHT = DemoOrganization(
    slug="torchlight-uyghur-group",
    name="Torchlight Uyghur Group",
    description=(
        "A volunteer group of the Uyghur diaspora that campaigns for the people detained in "
        "East Turkestan and for those who speak up for them."
    ),
    website="https://example.org/torchlight",
    petitions=(
        SERIKZHAN,
        DemoPetition(
            slug="free-ilham-tohti",
            status="open",
            original_language="en",
            first_goal=1000,
            proper_nouns=("ئىلھام توختى", "ئۇيغۇر", "بېيجىڭ", "ئۈرۈمچى", "جۇڭخۇا خەلق جۇمھۇرىيىتى"),
            published_on=datetime.date(2019, 1, 15),
            signatures=1204,
            texts=(
                DemoText(
                    language="en",
                    title="Free Ilham Tohti",
                    target="the Government of the People’s Republic of China",
                    summary="A peaceful Uyghur scholar, sentenced to life for his words.",
                    body=_body("ilham-tohti.en.md"),
                ),
                DemoText(
                    language="ug",
                    title="ئىلھام توختىنى قويۇپ بېرىڭلار",
                    target="جۇڭخۇا خەلق جۇمھۇرىيىتى ھۆكۈمىتى",
                    summary=(
                        "سۆزى ئۈچۈن مۇددەتسىز قاماق جازاسىغا ھۆكۈم قىلىنغان "
                        "تىنچلىقپەرۋەر ئۇيغۇر ئالىمى."
                    ),
                    body=(
                        "ئىلھام توختى بېيجىڭدىكى مىللەتلەر ئۇنىۋېرسىتېتىدا دەرس بەرگەن ئۇيغۇر "
                        "ئىقتىسادشۇناس. 2014-يىلى سېنتەبىردە ئۈرۈمچىدىكى سوت ئۇنىڭغا «بۆلگۈنچىلىك» "
                        "جىنايىتى بىلەن مۇددەتسىز قاماق جازاسى بەردى.\n\n"
                        "بىز جۇڭخۇا خەلق جۇمھۇرىيىتى ھۆكۈمىتىدىن ئىلھام توختىنى دەرھال ۋە شەرتسىز "
                        "قويۇپ بېرىشنى تەلەپ قىلىمىز."
                    ),
                ),
            ),
        ),
        DemoPetition(
            slug="release-gulshan-abbas",
            status="open",
            original_language="en",
            first_goal=500,
            published_on=datetime.date(2021, 1, 5),
            signatures=312,
            texts=(
                DemoText(
                    language="en",
                    title="Release Gulshan Abbas",
                    target="the Government of the People’s Republic of China",
                    summary="A retired doctor, jailed for twenty years as her sister spoke out.",
                    body=_body("gulshan-abbas.en.md"),
                ),
            ),
        ),
        DemoPetition(
            slug="ban-forced-labour-goods",
            status="closed",
            original_language="en",
            first_goal=1000,
            published_on=datetime.date(2020, 3, 2),
            closes_on=datetime.date(2020, 12, 31),
            signatures=3512,
            texts=(
                DemoText(
                    language="en",
                    title="Keep goods made with Uyghur forced labour out of Europe",
                    target="the European Parliament",
                    summary="No more cotton, tomatoes or solar panels made by people in camps.",
                    body=_body("forced-labour.en.md"),
                ),
            ),
        ),
    ),
)

ORGANIZATIONS: tuple[DemoOrganization, ...] = (TORCHLIGHT,)
