"""What each edit of a published petition changed, for its history in the workspace.

A revision keeps what a version said before an edit; what it said after is the next newer
revision in the same language, or the version as it is now. Texts are compared as readable
text (Markdown without its syntax, `markdown_plain`), word by word (`core.textdiff`).
"""

from dataclasses import dataclass

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from awaz.core.markdown import markdown_plain
from awaz.core.textdiff import Segment, word_diff
from awaz.petitions.models import Petition, PetitionRevision, PetitionText

# The parts of a version that a revision keeps, in the order the history shows them.
FIELDS: tuple[tuple[str, Promise], ...] = (
    ("title", _("Title")),
    ("target", _("Decision maker")),
    ("summary", _("Summary")),
    ("body", _("Text")),
)


@dataclass(frozen=True, slots=True)
class FieldChange:
    label: Promise
    segments: list[Segment]


@dataclass(frozen=True, slots=True)
class Edit:
    """One edit: the revision it left behind, and the parts of the version it changed."""

    revision: PetitionRevision
    changes: list[FieldChange]


def _readable(field: str, value: str) -> str:
    return markdown_plain(value) if field == "body" else value


def petition_history(*, petition: Petition) -> list[Edit]:
    """Every edit since publication, newest first, each against the version it produced."""
    revisions = list(PetitionRevision.objects.filter(petition=petition).select_related("edited_by"))
    # Walking from the newest edit back, `after` is what each language's version said next.
    after: dict[str, PetitionRevision | PetitionText] = {
        text.language: text for text in PetitionText.objects.filter(petition=petition)
    }
    edits = []
    for revision in revisions:
        later = after.get(revision.language)
        changes = []
        for field, label in FIELDS:
            before = _readable(field, getattr(revision, field))
            now = _readable(field, getattr(later, field)) if later is not None else ""
            if before != now:
                changes.append(FieldChange(label=label, segments=word_diff(before, now)))
        edits.append(Edit(revision=revision, changes=changes))
        after[revision.language] = revision
    return edits
