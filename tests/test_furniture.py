"""Furniture rules NL801-NL811: web residue is flagged on its own line, prose is not."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def codes(findings, code):
    return [f for f in findings if f.rule == code]


@pytest.mark.parametrize(
    ("text", "match"),
    [
        ("The talks ended.\n\nRead More:\n\nMore text here.", "Read More:"),
        ("The talks ended.\nREAD MORE\n", "READ MORE"),
        ("The talks ended.\n\nLoad more", "Load more"),
        ("Related News\n\nMoscow sees any future membership as a threat.", "Related News"),
        ("READ MORE: India 'somewhat shaky' among major US allies", "READ MORE:"),
        ("The talks ended.\nYou may also like\n", "You may also like"),
    ],
)
def test_teaser_labels_flagged(lint, text, match):
    found = codes(lint(text, select="NL801"), "NL801")
    assert [f.match for f in found] == [match]


@pytest.mark.parametrize(
    ("text", "code", "match"),
    [
        ("Image by - President of Ukraine/ Wiki Commons", "NL803", "Image by - President of Ukraine/ Wiki Commons"),
        ("Advertisement\nThe talks ended.", "NL811", "Advertisement"),
        ("Click here to subscribe", "NL805", "Click here to subscribe"),
        ("  Share this article  ", "NL805", "Share this article"),
        ("Image source, Getty Images\nCrowds gathered in Kyiv.", "NL803", "Image source, Getty Images"),
        ("The talks ended.\nAFP via Getty Images\n", "NL803", "AFP via Getty Images"),
        ("4 min read\n\nThe talks ended.", "NL804", "4 min read"),
        ("Story continues below advertisement", "NL811", "Story continues below advertisement"),
    ],
)
def test_furniture_moved_from_nl801_to_its_class(lint, text, code, match):
    found = lint(text, select="furniture")
    assert [(f.rule, f.match) for f in found] == [(code, match)]


@pytest.mark.parametrize(
    "text",
    [
        "Readers who want to read more about the talks can find the full text online.",
        "He said he would load more trucks before dawn.",
        "The advertisement ran in three newspapers.",
        "Related news from Brussels suggested the talks had stalled.",
        "Share this article's findings with your colleagues, the minister said.",
        "Image by image, the exhibition tells the story of the siege.",
        "He told voters to click here to subscribe, a slogan that failed.",
        "Getty Images said it would appeal against the ruling.",
        "The story continues below the surface, he said.",
        "It took him 4 min to read the statement.",
    ],
)
def test_furniture_words_in_prose_left_alone(lint, text):
    assert not lint(text, select="furniture")


def test_teaser_headlines_under_read_more(lint):
    text = (
        "Zelensky's comments were not a formal concession.\n\nRead More:\n\n"
        "New Jersey Dad Forced Son to Run on The Treadmill Causing Him to Fall, Die\n\n"
        "HEARTBREAKING MOMENT: Russian Troops Decry President Vladimir Putin's Decision to Invade Ukraine\n"
    )
    found = codes(lint(text, select="NL802"), "NL802")
    assert [f.line for f in found] == [5, 7]
    assert found[0].match.startswith("New Jersey Dad") and found[1].match.startswith("HEARTBREAKING")


def test_teaser_block_ends_at_prose(lint):
    text = (
        "Related News\n\nMinisters to meet again in Brussels next week\n\n"
        "Moscow sees any future Ukraine membership of the alliance as a threat and demands guarantees.\n\n"
        "Talks Resume In Istanbul On Monday Morning\n"
    )
    found = codes(lint(text, select="NL802"), "NL802")
    assert [f.line for f in found] == [3]


@pytest.mark.parametrize(
    "text",
    [
        "Read More:\n\nThe minister said the talks would resume on Tuesday in Istanbul.",
        "The talks ended on Monday.\n\nNew Jersey Dad Forced Son to Run on Treadmill",
        "We want to read more.\nNew Talks Planned For Brussels Next Week",
        "Read more:\n\n“We will not give up,” he said.",
    ],
)
def test_teasers_need_a_label_and_a_headline(lint, text):
    assert not codes(lint(text, select="NL802"), "NL802")


# --- Furniture by line shape and vocabulary (NL803-NL811), on the sets in tests/data/furniture/.
from furniture_sets import Case, article, articles, flagged, furniture_findings, furniture_lines, story_lines  # noqa: E402

FURNITURE = furniture_lines()
STORY = story_lines()
# Lines of the set that no rule takes, on purpose: a bare agency name is also how syndicated
# copy credits the text ("Reuters" at the end of a story), and a date pasted twice with no
# space is a page artefact no vocabulary describes. "Sign in to create your job alert ..."
# has an imperative, "your" and two parts of a page but no word of the publication's goods
# and no "our": service copy ("Log in to your account on the HMRC website") reads the same.
KNOWN_MISSES = {"Reuters", "3 Mar 20243 Mar 2024",
                "Sign in to create your job alert and follow your favourite topics."}


def test_sets_are_big_and_varied():
    assert len(FURNITURE) >= 150 and len({c.site for c in FURNITURE}) >= 10
    assert len(STORY) >= 150 and len({c.code for c in STORY}) >= 6
    assert len(articles()) >= 10


@pytest.mark.parametrize("case", FURNITURE, ids=lambda c: f"{c.code}-{c.site}-{c.line[:30]}")
def test_furniture_line_flagged_by_its_rule(case: Case):
    hits = flagged(case)
    if case.line in KNOWN_MISSES:
        assert not hits, "a known miss is now found: take it out of KNOWN_MISSES"
        return
    assert hits, f"not flagged: {case.line!r}"
    assert case.code in {f.rule for f in hits}, f"flagged by {[f.rule for f in hits]}, not {case.code}"


@pytest.mark.parametrize("case", STORY, ids=lambda c: f"{c.code}-{c.line[:40]}")
def test_story_line_left_alone(case: Case):
    assert not [(f.rule, f.match) for f in furniture_findings(case.line)]


def test_class_recall_on_the_set():
    """At least 90% of each class's lines are found (the set holds their variety)."""
    by_code: dict[str, list[bool]] = {}
    for case in FURNITURE:
        by_code.setdefault(case.code, []).append(bool(flagged(case)))
    for code, found in by_code.items():
        assert sum(found) / len(found) >= 0.9, code


def test_articles_found_rate_and_precision():
    """Furniture pasted at the start, middle and end of 75 articles of 70 site styles (written in
    sets of ten, each set before the rules saw it; 61-65 are stories with fact boxes, timelines
    and lists): a floor against regressions. The issue asks 80% on unseen copy; the rules that
    run by default find 91% of these lines with no false alarm (session 4: reader address,
    footer zones on by default), and about half on each set when it was new."""
    marked_total = found = false = 0
    for path in articles():
        text, marked = article(path)
        lines = {f.line for f in furniture_findings(text)}
        marked_total += len(marked)
        found += len(marked & lines)
        false += len(lines - marked)
    assert found / marked_total >= 0.88
    assert found / (found + false) >= 0.98


@pytest.mark.parametrize(
    ("text", "match"),
    [
        # a credit closing a caption, after a finished sentence or in brackets
        ("Troops near Bakhmut on Tuesday. Photograph: Libkos/AP", "Photograph: Libkos/AP"),
        ("Troops near Bakhmut on Tuesday (Photo by Libkos/Getty Images)", "(Photo by Libkos/Getty Images)"),
        # one label of a list of labels
        ("By Jane Doe | Published 14:32 GMT, 3 March 2024", "Published 14:32 GMT, 3 March 2024"),
        # a bullet does not hide a line
        ("• Share this article", "Share this article"),
    ],
)
def test_runs_and_lists(lint, text, match):
    assert [f.match for f in lint(text, select="furniture")] == [match]


@pytest.mark.parametrize(
    "text",
    [
        # the credit vocabulary inside a sentence is not a tail
        "The picture was taken by Jane Doe/Reuters staff, the agency said.",
        # a dateline's agency is not a credit
        "LONDON (Reuters) - Talks resumed on Tuesday.",
        # a short quote is the story's
        "\u201cShare this article,\u201d he wrote.",
        # a list whose labels read as prose is not a menu
        "Home is where the heart is | Europe is where the money is",
    ],
)
def test_shapes_that_stay_quiet(lint, text):
    assert not lint(text, select="furniture")


def test_vocabulary_errors_are_pack_errors(tmp_path):
    from newslint.kinds.base import PackError
    from newslint.kinds.furniture_line import load_vocabulary

    bad = tmp_path / "furniture.toml"
    bad.write_text("[fragments]\na = '{b}'\nb = '{a}'\n[classes.x]\nlines = ['{a}']\n", encoding="utf-8")
    with pytest.raises(PackError, match="refers to itself"):
        load_vocabulary(str(bad))
    bad.write_text("[classes.x]\nlines = ['{nothing}']\n", encoding="utf-8")
    with pytest.raises(PackError, match="unknown reference"):
        load_vocabulary(str(bad))
    bad.write_text("[classes.x]\nlines = ['(']\n", encoding="utf-8")
    with pytest.raises(PackError, match="does not compile"):
        load_vocabulary(str(bad))


def test_unknown_class_is_a_pack_error(tmp_path):
    pack = tmp_path / "house.toml"
    pack.write_text(
        '[pack]\nname = "house"\n\n[[rules]]\ncode = "NL901"\nname = "x"\nkind = "furniture-line"\n'
        f'category = "furniture"\nmessage = "m"\nclass = "nope"\ndata = "{(ROOT / "rules" / "data" / "furniture.toml").as_posix()}"\n',
        encoding="utf-8",
    )
    from newslint.records import NewslintError
    from newslint.packs import compile_rule, load_pack

    (rule,) = load_pack(str(pack)).rules
    with pytest.raises(NewslintError, match="class 'nope'"):
        compile_rule(rule)


def test_short_labels_in_a_block_of_furniture(lint):
    text = "The vote is on Friday.\n\nCopyright 2024 Nexstar Media Inc. All rights reserved.\nTags\nHouse\nCongress\n"
    found = [(f.rule, f.match) for f in lint(text, select="furniture")]
    assert ("NL812", "House") in found and ("NL812", "Congress") in found


@pytest.mark.parametrize(
    "text",
    [
        # a byline and a short headline stay the story's even among furniture lines
        "By Jane Doe\nPublished 3 hours ago\nUpdated 2 minutes ago\n\nThe talks ended.",
        # one furniture line does not make a block
        "Advertisement\nWhat happened next\n\nThe talks ended on Monday.",
        # a blank line ends a block
        "Share this article\nAll rights reserved.\n\nWhat next\n\nThe talks ended.",
    ],
)
def test_runs_keep_story_lines(lint, text):
    assert not [f for f in lint(text, select="furniture") if f.rule == "NL812"]


@pytest.mark.parametrize(
    "text",
    [
        # a fact box, a timeline, a recipe after furniture: lines of the story's own box are not
        # title-shaped labels (lower-case words, figures), so the footer rule leaves them alone
        "The line reopened on Tuesday, the rail company said in a statement.\n\nShare this article\n"
        "Key facts\nLength: 42 miles\nOpened in 1854\n",
        "The line reopened on Tuesday, the rail company said in a statement.\n\nPhoto: Jane Doe/Reuters\n"
        "What happens next\nRepairs continue until June\n",
        "The chef shared the recipe with readers of the paper this week.\n\nIngredients\n2 onions\n3 carrots\n\n"
        "Photo: Jane Doe/Bristol Post\nServes four\n",
    ],
)
def test_footer_keeps_the_story_box(lint, text):
    assert not [f.match for f in lint(text, select="NL813")]


def test_footer_labels_after_furniture(lint):
    text = ("The line reopened on Tuesday, the rail company said in a statement.\n\n"
            "© 2024 Example Media Ltd. All rights reserved.\nIn: Rail\nPennsylvania\nTransport\nJane Doe\n")
    # two capitalised words alone are a name (the author's, kept like a byline), not a tag
    assert [f.match for f in lint(text, select="NL813")] == ["In: Rail", "Pennsylvania", "Transport"]


def test_unseen_articles_found_rate_and_precision():
    """65 articles of 65 more sites written after the rules (tests/data/furniture/unseen), in three
    batches, each scored once before the rules were changed for it: 01-30 found 72% at precision
    0.99, 31-50 (written after the fixes 01-30 showed) 71% at 0.99, 51-65 76% at 1.00; all 90%
    at 1.00 after. A floor, and no finding at all on their clean versions (furniture taken out)."""
    from furniture_sets import score_unseen, unseen_articles

    total, found, false = score_unseen()
    assert len(unseen_articles()) >= 65
    assert found / total >= 0.87
    assert found / (found + false) >= 0.97
