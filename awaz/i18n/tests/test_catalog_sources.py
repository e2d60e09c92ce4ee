"""The strings the tests find in the source are the ones `makemessages` finds, without gettext."""

from babel.messages.catalog import Catalog

from awaz.i18n.catalogs import sources

TEMPLATE = """{% load i18n %}<ul>
  <li>{% translate "Plain" %}</li>
      <li>{% translate "May" context "month" %}</li>
    <li>{% blocktranslate trimmed with name=user.name %}
      Hello
      {{ name }}
    {% endblocktranslate %}</li>
  <li>{% blocktranslate count counter=n trimmed %}
    {{ counter }} thing{% plural %}{{ counter }} things
  {% endblocktranslate %}</li>
  <li title="{% translate 'In an attribute' %}">{{ _("In a variable") }}</li>
</ul>
"""
PYTHON = """from django.utils import translation
from django.utils.translation import gettext_lazy as _, ngettext_lazy, pgettext_lazy, gettext_noop

LABEL = _("Lazy")
OTHER = translation.gettext("Through the module")
COUNT = ngettext_lazy("%(n)s row", "%(n)s rows", "n")
MONTH = pgettext_lazy("alt. month", "May")
KEPT = gettext_noop("Only marked")
NOT_A_LITERAL = _(LABEL)
"""


def write(root, path, text):
    target = root / path
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(text)


def test_the_strings_of_templates_e_mails_and_code_are_found_as_makemessages_finds_them(tmp_path):
    write(tmp_path, "app/templates/page.html", TEMPLATE)
    write(tmp_path, "app/templates/mail_subject.txt", '{% load i18n %}{% translate "Subject" %}')
    write(tmp_path, "app/models.py", PYTHON)
    found = sources.messages_in_source(tmp_path)
    assert {key: value.plural for key, value in found.items()} == {
        ("Plain", None): None,
        ("May", "month"): None,
        ("Hello %(name)s", None): None,
        ("%(counter)s thing", None): "%(counter)s things",
        ("In an attribute", None): None,
        ("In a variable", None): None,
        ("Subject", None): None,
        ("Lazy", None): None,
        ("Through the module", None): None,
        ("%(n)s row", None): "%(n)s rows",
        ("May", "alt. month"): None,
        ("Only marked", None): None,
    }
    assert found["Plain", None].files == {"app/templates/page.html"}


def test_what_make_messages_ignores_is_ignored(tmp_path):
    text = '{% load i18n %}{% translate "Hidden" %}'
    for path in (
        "app/tests/test_page.html",
        "node_modules/x/page.html",
        "var/static/page.html",
        ".venv/lib/page.html",
        ".git/page.html",
        "locale/page.html",
        "app/page.md",
    ):
        write(tmp_path, path, text)
    write(tmp_path, "app/page.html", '{% load i18n %}{% translate "Seen" %}')
    assert list(sources.messages_in_source(tmp_path)) == [("Seen", None)]


def test_a_catalog_is_measured_against_the_source(tmp_path):
    write(
        tmp_path,
        "page.html",
        '{% load i18n %}{% translate "Done" %}{% translate "New" %}{% translate "Empty" %}'
        '{% translate "Guessed" %}'
        "{% blocktranslate count counter=n %}{{ counter }} row{% plural %}{{ counter }} lines"
        "{% endblocktranslate %}",
    )
    catalog = Catalog(locale="kk")
    catalog.add("Done", "Дайын")
    catalog.add("Empty", "")
    catalog.add("Guessed", "Болжам", flags=["fuzzy"])
    catalog.add(("%(counter)s row", "%(counter)s rows"), ("%(counter)s жол", "%(counter)s жол"))
    catalog.add("Removed", "Жойылған")
    gaps = sources.gaps(catalog, sources.messages_in_source(tmp_path))
    assert [line.split("  [")[0] for line in gaps.missing] == ["'%(counter)s row'", "'New'"]
    assert gaps.missing[1] == "'New'  [page.html]"
    assert [line.split("  [")[0] for line in gaps.untranslated] == ["'Empty'"]
    assert [line.split("  [")[0] for line in gaps.fuzzy] == ["'Guessed'"]
    assert gaps.stale == ["'Removed'"]
    assert gaps
