"""Rendering never reaches the network: nothing in the HTML can load by itself."""

import re

from hypothesis import given
from hypothesis import strategies as st

from kb.render import markdown_to_html

HOSTILE = """
# Title
<script>fetch('https://evil.example/steal')</script>
<img src="https://tracker.example/pixel.gif" onerror="alert(1)">
![remote](https://tracker.example/img.png)
<iframe src="https://evil.example"></iframe>
<link rel="stylesheet" href="https://evil.example/x.css">
<style>body { background: url(https://evil.example/bg.png) }</style>
<object data="https://evil.example/x.swf"></object><embed src="https://evil.example/e">
<video src="https://evil.example/v.mp4" poster="https://evil.example/p.png"></video>
<a href="javascript:alert(1)">js link</a> <a href="https://ok.example/page">fine link</a>
<form action="https://evil.example/post"><input name="q"></form>
<svg><image href="https://evil.example/i.png"/></svg>
<div style="background-image:url(https://evil.example/s.png)">styled</div>
<meta http-equiv="refresh" content="0;url=https://evil.example">
"""


def loading_attributes(html: str) -> list[str]:
    """Attributes that make a browser fetch something without a click."""
    return re.findall(r"""\s(src|srcset|poster|data|background|style|action|formaction)\s*=""", html, re.I)


def test_hostile_markdown_renders_inert():
    html = markdown_to_html(HOSTILE)
    for tag in ("<script", "<img", "<iframe", "<link", "<style", "<object", "<embed", "<video",
                "<form", "<svg", "<meta", "<input"):
        assert tag not in html.lower()
    assert loading_attributes(html) == []
    assert "javascript:" not in html
    assert 'href="https://ok.example/page"' in html  # links stay, opened only when clicked
    assert "fine link" in html and "styled" in html


@given(st.text(alphabet=st.sampled_from(list('<>"=/ :abcdefghijklmnopqrstuvwxyz()![]#')), max_size=300))
def test_no_rendered_text_can_load_anything(text):
    html = markdown_to_html(text + ' <img src="http://x.example/a.png">')
    assert loading_attributes(html) == []
    assert "<img" not in html.lower() and "<script" not in html.lower()
