"""The word diff behind a petition's history: words in any script, lines kept, and fast."""

import random

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


def test_words_added_at_the_end_leave_the_last_word_alone():
    assert word_diff("Free him", "Free him now") == [
        Segment("equal", "Free him "),
        Segment("insert", "now"),
    ]


def test_only_the_changed_paragraph_is_marked_and_lines_are_kept():
    before = "First paragraph.\n\nSecond one, ئىككىنچى.\n- a list"
    after = "First paragraph.\n\nSecond one.\n- a list\n- and more"
    segments = word_diff(before, after)
    assert segments[0].operation == "equal"
    assert segments[0].text.startswith("First paragraph.\n\n")
    assert Segment("delete", "one, ئىككىنچى.") in segments  # the line break is kept, shared
    assert "".join(s.text for s in segments if s.operation != "delete") == after
    kept = "".join(s.text for s in segments if s.operation != "insert")
    assert kept.split() == before.split()


def test_a_long_text_with_scattered_edits_marks_each_edited_word():
    """5,000 words: with whitespace as tokens of its own this took 55 s of CPU; now ~15 ms."""
    rng = random.Random(14)
    vocabulary = ["ئىلھام", "توختى", "Ilham", "the", "a", "ۋە", "free"] + [
        f"w{i}" for i in range(400)
    ]
    words = [rng.choice(vocabulary) for _ in range(5000)]
    before = " ".join(words)
    after = " ".join("changed" if index % 100 == 0 else word for index, word in enumerate(words))
    segments = word_diff(before, after)
    assert sum(1 for s in segments if s.operation == "delete") == 50
    assert all(s.text.strip() == "changed" for s in segments if s.operation == "insert")


def test_markup_is_left_as_text_for_the_template_to_escape():
    assert word_diff("", "<script>x</script>") == [Segment("insert", "<script>x</script>")]
