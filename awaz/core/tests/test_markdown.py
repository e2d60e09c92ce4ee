from awaz.core.markdown import render_markdown


def test_paragraphs_become_paragraphs():
    assert render_markdown("One.\n\nTwo.") == "<p>One.</p>\n<p>Two.</p>\n"


def test_raw_html_is_shown_as_text_never_run():
    html = render_markdown('<script>alert("x")</script> <img src=x onerror=alert(1)>')
    assert "<script" not in html
    assert "<img" not in html
    assert "&lt;script&gt;" in html


def test_javascript_links_lose_their_address():
    html = render_markdown("[click](javascript:alert(1)) and [ok](https://example.org)")
    assert 'href="javascript' not in html.lower()
    assert '<a href="https://example.org" rel="nofollow noopener noreferrer">ok</a>' in html


def test_headings_start_below_the_page_title():
    assert render_markdown("# Why").startswith("<h2>Why</h2>")
    assert render_markdown("## Because").startswith("<h3>Because</h3>")


def test_images_are_not_embedded():
    # An image would be a request to another site.
    assert "<img" not in render_markdown("![tracker](https://tracker.example/pixel.gif)")
