"""The document model: decoding, positions both ways, Markdown prose, dates, suppressions."""
from __future__ import annotations

import datetime as dt

import pytest

from newslint.document import UnreadableFile, decode, make_document, read_document


def test_line_col_round_trip_with_crlf_and_lone_cr():
    text = "first\r\nsecond\rthird\nfourth"
    doc = make_document(text, "a.txt")
    for offset in range(len(text) + 1):
        line, col = doc.line_col(offset)
        assert doc.offset_of(line, col) == offset
    assert doc.line_col(text.index("second")) == (2, 1)
    assert doc.line_col(text.index("third")) == (3, 1)
    assert doc.line_text(1) == "first"


def test_columns_count_code_points():
    doc = make_document("Zelensky’s aide — “Kiev”", "a.txt")
    assert doc.line_col(doc.text.index("Kiev")) == (1, 20)


def test_bom_is_removed_and_reported():
    text, bom = decode("Kiev".encode("utf-8-sig"), "x")
    assert (text, bom) == ("Kiev", True)
    assert decode(b"Kiev", "x") == ("Kiev", False)


def test_undecodable_and_binary_files_say_why(tmp_path):
    bad = tmp_path / "latin1.txt"
    bad.write_bytes("Caf\xe9 in Kiev".encode("latin-1"))
    with pytest.raises(UnreadableFile, match="not valid UTF-8.*line 1"):
        read_document(str(bad))
    binary = tmp_path / "img.txt"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00")
    with pytest.raises(UnreadableFile, match="binary"):
        read_document(str(binary))
    with pytest.raises(UnreadableFile, match="no such file"):
        read_document(str(tmp_path / "missing.md"))


def test_oversized_file_is_reported_not_read(tmp_path):
    big = tmp_path / "big.txt"
    big.write_bytes(b"word " * 1000)
    with pytest.raises(UnreadableFile, match="max-file-size"):
        read_document(str(big), max_bytes=100)


def test_plain_text_prose_is_the_text():
    doc = make_document("Talks in Kiev.\n", "a.txt")
    assert doc.prose == doc.text
    assert doc.to_original(9) == 9


MD = """---
title: Talks
date: 2022-03-15
---
# Talks in *Kiev* resume

Run `kiev --help`, then see [the Kiev site](https://kiev.example/Kiev) or https://example.com/Kiev.

```
Kiev in a fence
```

    Kiev in indented code

<!-- Kiev in a comment -->
> A quote from **Kiev**.

- a list item about _Kiev_
![Kiev photo](kiev.png)
"""


def test_markdown_keeps_prose_and_drops_markup():
    doc = make_document(MD, "story.md")
    prose = doc.prose
    assert prose.count("Kiev") == 4  # heading, link text, quote, list item
    for gone in ("kiev --help", "https://", "in a fence", "indented code", "in a comment", "title:", "photo"):
        assert gone not in prose
    assert prose.count("\n") == MD.count("\n"), "prose keeps every line of the original"


def test_markdown_positions_map_to_the_original_file():
    doc = make_document(MD, "story.md")
    start = 0
    for _ in range(4):
        p = doc.prose.index("Kiev", start)
        o_start, o_end, contiguous = doc.span_to_original(p, p + 4)
        assert MD[o_start:o_end] == "Kiev" and contiguous
        start = p + 1


def test_inline_code_keeps_sentence_shape():
    doc = make_document("Run `ls`, then stop.\n", "a.md")
    assert ", then" in doc.prose and " ," not in doc.prose


@pytest.mark.parametrize(
    ("text", "path", "expected"),
    [
        ("---\ndate: 2022-03-15\n---\nBody", "a.md", dt.date(2022, 3, 15)),
        ("---\ndate: '2022-03-15T10:00:00Z'\n---\nBody", "a.md", dt.date(2022, 3, 15)),
        ("+++\ndate = 2021-01-02\n+++\nBody", "a.md", dt.date(2021, 1, 2)),
        (" date 2022-03-11 Disclaimer: text follows", "a.txt", dt.date(2022, 3, 11)),
        ("date 2022-03-11\nBody", "a.txt", dt.date(2022, 3, 11)),
        ("The date 2022-03-11 was mentioned.", "a.txt", None),
        ("Body only", "a.txt", None),
        ("date 2022-02-30\nBody", "a.txt", None),
        # a first line that is only a date, as copy writes it
        ("March 4, 2025\n\nBRUSSELS - Body", "a.txt", dt.date(2025, 3, 4)),
        ("12 March 2025\nBody", "a.txt", dt.date(2025, 3, 12)),
        ("Tuesday, 4 March 2025\nBody", "a.txt", dt.date(2025, 3, 4)),
        ("Sept. 9, 2025\nBody", "a.txt", dt.date(2025, 9, 9)),
        ("\n2025-03-04\nBody", "a.txt", dt.date(2025, 3, 4)),
        ("---\ntitle: t\n---\n4 May 2024\nBody", "a.md", dt.date(2024, 5, 4)),
        ("March 4, 2025 is when the talks begin.", "a.txt", None),  # a sentence, not a date line
        ("Updated March 4, 2025\nBody", "a.txt", None),  # page furniture, not the article's date
        ("Friday 4 March 2025\nBody", "a.txt", None),  # wrong weekday: left for the weekday rule
        ("30 February 2025\nBody", "a.txt", None),  # no such day: left for the date rules
        ("4 Marchh 2025\nBody", "a.txt", None),
        # a dateline opening the first paragraph: its date is the article's
        ("LONDON, July 9, 2024 — Prime Minister Keir Starmer will fly", "a.txt", dt.date(2024, 7, 9)),
        ("KUALA LUMPUR, 27 October 2025 - Leaders met", "a.txt", dt.date(2025, 10, 27)),
        ("Kyiv, Ukraine, March 3, 2025 -- Talks began", "a.txt", dt.date(2025, 3, 3)),
        ("ST. LOUIS, Sept. 9, 2025 — Body", "a.txt", dt.date(2025, 9, 9)),
        ("WASHINGTON (AP) — Body", "a.txt", None),  # no date in it
        ("The talks, March 3, 2025 — a date", "a.txt", None),  # a sentence, not a dateline
        ("LONDON, February 30, 2025 — Body", "a.txt", None),
    ],
)
def test_article_date(text, path, expected):
    assert make_document(text, path).date == expected


def test_a_dateline_dates_the_article_and_stays_prose():
    from newslint.api import lint_text

    text = "BERLIN, May 22, 2025 — German Chancellor Olaf Scholz attended the launch.\n"
    assert make_document(text, "a.txt").prose == text
    assert "NL310" in {f.rule for f in lint_text(text, {"select": ["entities"]})}


def test_leading_date_line_is_not_prose():
    doc = make_document(" date 2022-03-11 Disclaimer: hi", "a.txt")
    assert "2022" not in doc.prose and "Disclaimer" in doc.prose


def test_a_date_line_is_the_articles_date_and_no_rule_reads_it():
    from newslint.api import lint_text

    text = "May 22, 2025\n\nGerman Chancellor Olaf Scholz attended the launch.\n"
    assert "2025" not in make_document(text, "a.txt").prose.split("German")[0]
    rules = {f.rule for f in lint_text(text, {"select": ["entities", "furniture"]})}
    assert "NL310" in rules  # dated by its first line: Scholz had left office on 6 May 2025
    assert not any(r.startswith("NL8") for r in rules)


def test_suppression_comments():
    text = (
        "Kiev one\n"
        "<!-- newslint-disable NL201 -->\n"
        "Kiev two\n"
        "<!-- newslint-enable -->\n"
        "<!-- newslint-disable-next-line -->\n"
        "Kiev three\n"
        "Kiev four\n"
    )
    doc = make_document(text, "a.md")
    assert not doc.is_suppressed(1, "NL201")
    assert doc.is_suppressed(3, "NL201") and not doc.is_suppressed(3, "NL801")
    assert doc.is_suppressed(6, "NL201") and doc.is_suppressed(6, "NL801")
    assert not doc.is_suppressed(7, "NL201")


def test_paragraphs_split_on_blank_lines():
    doc = make_document("One\ntwo\n\n  \nThree\n", "a.txt")
    assert [doc.prose[s:e].strip() for s, e in doc.paragraphs()] == ["One\ntwo", "Three"]


def test_html_lints_text_not_tags():
    html = '<html><head><style>p { color: red }</style></head>\n<body><p class="Kiev">Talks in Kiev.</p>' \
           '<script>var Kiev = 1;</script><!-- Kiev --></body></html>\n'
    doc = make_document(html, "page.html")
    assert doc.prose.count("Kiev") == 1
    p = doc.prose.index("Kiev")
    start, end, _ = doc.span_to_original(p, p + 4)
    assert html[start - 9:end] == "Talks in Kiev"
