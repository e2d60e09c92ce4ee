"""The word diff behind a petition's history: words in any script, spaces and lines kept."""

from awaz.core.textdiff import Segment, word_diff


def test_a_changed_uyghur_word_is_one_word_out_and_one_in():
    before = "ئۇ 2014-يىلىدىن بۇيان قاماقتا."
    after = "ئۇ 2014-يىلىدىن بۇيان تۈرمىدە."
    assert word_diff(before, after) == [
        Segment("equal", "ئۇ 2014-يىلىدىن بۇيان "),
        Segment("delete", "قاماقتا."),
        Segment("insert", "تۈرمىدە."),
    ]


def test_latin_uyghur_and_english_words_in_one_text():
    before = "Ilham Tohti is an economist. U iqtisadshunas."
    after = "Ilham Tohti is a Uyghur economist. U meshhur iqtisadshunas."
    assert word_diff(before, after) == [
        Segment("equal", "Ilham Tohti is "),
        Segment("delete", "an"),
        Segment("insert", "a Uyghur"),
        Segment("equal", " economist. U "),
        Segment("insert", "meshhur "),
        Segment("equal", "iqtisadshunas."),
    ]


def test_changes_a_space_apart_are_one_change():
    assert word_diff("free him now", "release them now") == [
        Segment("delete", "free him"),
        Segment("insert", "release them"),
        Segment("equal", " now"),
    ]


def test_the_texts_come_back_whole_from_the_segments():
    before = "First paragraph.\n\nSecond one, ئىككىنچى.\n- a list"
    after = "First paragraph, longer.\n\nSecond one.\n- a list\n- and more"
    segments = word_diff(before, after)
    assert "".join(s.text for s in segments if s.operation != "insert") == before
    assert "".join(s.text for s in segments if s.operation != "delete") == after


def test_markup_is_left_as_text_for_the_template_to_escape():
    assert word_diff("", "<script>x</script>") == [Segment("insert", "<script>x</script>")]
