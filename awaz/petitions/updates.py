"""Updates: news an organizer posts on a petition's page, in one language or more."""

from collections.abc import Iterable, Mapping

from django.db import transaction

from awaz.accounts.models import User
from awaz.i18n import closeness
from awaz.petitions.conversion import UYGHUR_SCRIPTS
from awaz.petitions.models import Petition, PetitionUpdate, PetitionUpdateText, UpdateKind
from awaz.petitions.selectors import HasLanguage, text_preferred
from awaz.scripts import CyrillicSpelling, convert


def _save_text(
    *, update: PetitionUpdate, language: str, title: str, body: str, converted: bool
) -> PetitionUpdateText:
    text = PetitionUpdateText.objects.filter(update=update, language=language).first()
    if text is None:
        text = PetitionUpdateText(update=update, language=language)
    text.title, text.body, text.converted = title, body, converted
    text.full_clean()
    text.save()
    return text


def _convert_scripts(source: PetitionUpdateText, *, only: Iterable[str] = UYGHUR_SCRIPTS) -> None:
    """The other Uyghur scripts (of `only`), generated unless a person wrote them; Cyrillic
    spelled as the petition's `cyrillic_spelling` says."""
    if source.language not in UYGHUR_SCRIPTS:
        return
    petition = source.update.petition
    spelling = CyrillicSpelling(petition.cyrillic_spelling)
    written = set(source.update.texts.filter(converted=False).values_list("language", flat=True))
    for target in UYGHUR_SCRIPTS:
        if target == source.language or target in written or target not in only:
            continue

        def to_target(value: str, target: str = target) -> str:
            return convert(
                value,
                source=source.language,
                target=target,
                proper_nouns=petition.proper_noun_list,
                cyrillic_spelling=spelling,
            )

        _save_text(
            update=source.update,
            language=target,
            title=to_target(source.title),
            body=to_target(source.body),
            converted=True,
        )


@transaction.atomic
def update_post(
    *,
    petition: Petition,
    by: User | None,
    language: str,
    title: str,
    body: str,
    kind: str = UpdateKind.NEWS,
) -> PetitionUpdate:
    """Post an update on the petition's page (e-mailing it is a separate step)."""
    return update_post_versions(
        petition=petition, by=by, versions={language: (title, body)}, kind=kind
    )


@transaction.atomic
def update_post_versions(
    *,
    petition: Petition,
    by: User | None,
    versions: Mapping[str, tuple[str, str]],
    kind: str = UpdateKind.NEWS,
) -> PetitionUpdate:
    """Post an update written in several languages at once: `{language: (title, body)}`, the
    first its original. Uyghur scripts a person did not write are converted from one they did."""
    if not versions:
        raise ValueError("an update needs at least one version")
    first = next(iter(versions))
    update = PetitionUpdate.objects.create(
        petition=petition, created_by=by, original_language=first, kind=kind
    )
    saved = [
        _save_text(update=update, language=language, title=title, body=body, converted=False)
        for language, (title, body) in versions.items()
    ]
    uyghur = [text for text in saved if text.language in UYGHUR_SCRIPTS]
    if uyghur:
        _convert_scripts(uyghur[0])
    return update


def updates_cyrillic_regenerate(petition: Petition) -> None:
    """Regenerate the Cyrillic versions of the petition's updates (news, responses, victory)
    that nobody wrote, from a Uyghur version a person wrote (after its spelling changed)."""
    for update in PetitionUpdate.objects.filter(petition=petition).prefetch_related("texts"):
        written = sorted(
            (t for t in update.texts.all() if not t.converted and t.language in UYGHUR_SCRIPTS),
            key=lambda text: text.language != update.original_language,
        )
        if written:
            _convert_scripts(written[0], only=("ug-cyrl",))


@transaction.atomic
def update_text_save(
    *, update: PetitionUpdate, language: str, title: str, body: str
) -> PetitionUpdateText:
    """Add or correct the update's version in `language`, written by a person."""
    text = _save_text(update=update, language=language, title=title, body=body, converted=False)
    _convert_scripts(text)
    return text


def update_text_for(update: PetitionUpdate, language: str) -> PetitionUpdateText | None:
    """The update in `language`, else the closest version the reader can read (see
    awaz.i18n.closeness), else the language it was written in, else any."""
    return choose_closest(
        update.texts.all(), language=language, original_language=update.original_language
    )


def choose_closest[Version: HasLanguage](
    texts: Iterable[Version], *, language: str, original_language: str
) -> Version | None:
    """The version a reader of `language` reads best: theirs, the closest, the original, any."""
    versions = list(texts)
    by_language = {text.language: text for text in versions}
    for code in closeness.preference(language, original_language):
        if code in by_language:
            return by_language[code]
    return text_preferred(versions, language=language, original_language=original_language)


def updates_for_page(
    *,
    petition: Petition,
    language: str,
    limit: int = 5,
    kinds: tuple[str, ...] = tuple(UpdateKind.values),
) -> list[tuple[PetitionUpdate, PetitionUpdateText]]:
    """The latest updates with their text in the reader's language, for the public page and the
    feed: news, the decision maker's response and the victory (`kinds` narrows them)."""
    updates = PetitionUpdate.objects.filter(petition=petition, kind__in=kinds).prefetch_related(
        "texts"
    )[:limit]
    shown = []
    for update in updates:
        text = update_text_for(update, language)
        if text is not None:
            shown.append((update, text))
    return shown
