from guide.workflow.render import markdown_to_html


def test_markdown_is_rendered_and_sanitised():
    html = markdown_to_html("# Title\n\n1. one\n2. [two](https://example.org)\n\n<script>alert(1)</script>\n\n"
                            "[bad](javascript:alert(1))")
    assert "<h2>Title</h2>" in html and "<h1>" not in html
    assert "<ol>" in html and 'href="https://example.org"' in html
    assert "<script>" not in html
    assert "href=\"javascript" not in html


def test_empty_body():
    assert markdown_to_html("") == ""
