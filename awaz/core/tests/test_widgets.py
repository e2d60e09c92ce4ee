from django import forms

from awaz.core.widgets import LongSelect

CHOICES = [("", "Choose"), ("KZ", "Kazakhstan"), ("TR", 'Türkiye <&> "quoted"')]


def _html(widget: forms.Select, value: str) -> str:
    widget.choices = CHOICES
    return widget.render("country", value, attrs={"id": "id_country", "required": True})


def test_a_long_select_renders_what_djangos_select_renders():
    for value in ("", "TR", "nowhere"):
        ours = _html(LongSelect(), value)
        django = _html(forms.Select(), value)
        assert ours.replace("\n", "") == django.replace("\n", "").replace("  ", "")


def test_a_long_select_escapes_labels_and_marks_the_chosen_option_only():
    html = _html(LongSelect(), "TR")
    assert "Türkiye &lt;&amp;&gt; &quot;quoted&quot;" in html
    assert html.count(" selected") == 1
    assert '<option value="TR" selected>' in html
