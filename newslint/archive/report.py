"""``newslint archive report DB``: one self-contained HTML page a style editor can look at.

Charts are matplotlib SVG inlined in the page (no CDN, no script); every chart has the
table of its numbers beside it, and the numbers come straight from the database's
``usage``, ``findings`` and ``articles`` tables, so the page and the database agree.
"""
from __future__ import annotations

import datetime as dt
import html
import io
import os
from collections import defaultdict
from typing import Any

import duckdb

from .. import __version__

MAX_GROUPS = 8
PALETTE = ["#0b5cad", "#c0392b", "#1e8449", "#d68910", "#7d3c98", "#5d6d7e", "#17a589", "#a04000"]


def _svg(fig: Any) -> str:
    buf = io.StringIO()
    fig.savefig(buf, format="svg", bbox_inches="tight")
    text = buf.getvalue()
    text = text[text.index("<svg"):]
    # the RDF metadata block only names the generator and date (and namespaces as URLs)
    start, end = text.find("<metadata>"), text.find("</metadata>")
    return text[:start] + text[end + len("</metadata>"):] if 0 <= start < end else text


def _figure(width: float = 8.0, height: float = 3.2) -> Any:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    plt.rcParams.update({"svg.fonttype": "none", "font.size": 9})
    fig, ax = plt.subplots(figsize=(width, height))
    ax.spines[["top", "right"]].set_visible(False)
    return fig, ax


def _months(values: list[str]) -> list[dt.date]:
    return [dt.date(int(m[:4]), int(m[5:7]), 1) for m in values]


def spelling_groups(con: duckdb.DuckDBPyConnection) -> list[dict[str, Any]]:
    """Groups (listed or found across articles) used in more than one form, biggest first."""
    rows = con.execute("""
        SELECT source, category, label, form, sum(articles) AS n FROM usage
        GROUP BY ALL ORDER BY label, n DESC""").fetchall()
    groups: dict[tuple[str, str], dict[str, Any]] = {}
    for source, category, label, form, n in rows:
        g = groups.setdefault((source, label), {"source": source, "category": category, "label": label, "forms": {}})
        g["forms"][form] = int(n)
    many = [g for g in groups.values() if len(g["forms"]) > 1]
    many.sort(key=lambda g: -sum(g["forms"].values()))
    return many


def _share_chart(con: duckdb.DuckDBPyConnection, group: dict[str, Any]) -> tuple[str, list[tuple[str, dict[str, int]]]]:
    rows = con.execute("""SELECT substr(month, 1, 4) AS year, form, sum(articles) FROM usage
                          WHERE source = ? AND label = ? AND month IS NOT NULL GROUP BY ALL ORDER BY year""",
                       [group["source"], group["label"]]).fetchall()
    monthly = con.execute("""SELECT month, form, sum(articles) FROM usage
                             WHERE source = ? AND label = ? AND month IS NOT NULL GROUP BY ALL ORDER BY month""",
                          [group["source"], group["label"]]).fetchall()
    by_year: dict[str, dict[str, int]] = defaultdict(dict)
    for year, form, n in rows:
        by_year[year][form] = int(n)
    by_month: dict[str, dict[str, int]] = defaultdict(dict)
    for month, form, n in monthly:
        by_month[month][form] = int(n)
    periods, unit = _periods(by_month)
    fig, ax = _figure()
    forms = sorted(group["forms"], key=lambda f: -group["forms"][f])
    for i, form in enumerate(forms):
        share = [100 * counts.get(form, 0) / max(1, sum(counts.values())) for _, counts in periods]
        ax.plot([start for start, _ in periods], share, label=form, color=PALETTE[i % len(PALETTE)], linewidth=1.6,
                marker="o" if len(periods) < 40 else None, markersize=3)
    ax.set_ylabel(f"% of articles using the name, by {unit}")
    ax.set_ylim(0, 100)
    ax.legend(frameon=False, ncol=min(4, len(forms)))
    svg = _svg(fig)
    import matplotlib.pyplot as plt

    plt.close(fig)
    return svg, sorted(by_year.items())


def _periods(by_month: dict[str, dict[str, int]]) -> tuple[list[tuple[dt.date, dict[str, int]]], str]:
    """Months, or quarters or years when months are too thin for a share to mean much
    (fewer than 8 articles a month on average)."""
    months = sorted(by_month)
    total = sum(sum(c.values()) for c in by_month.values())
    for unit, size in (("month", 1), ("quarter", 3), ("year", 12)):
        buckets: dict[dt.date, dict[str, int]] = defaultdict(lambda: defaultdict(int))
        for m in months:
            start = dt.date(int(m[:4]), ((int(m[5:7]) - 1) // size) * size + 1, 1)
            for form, n in by_month[m].items():
                buckets[start][form] += n
        if unit == "year" or total / max(1, len(buckets)) >= 8:
            return [(k, dict(v)) for k, v in sorted(buckets.items())], unit
    raise AssertionError("unreachable")


def _category_chart(con: duckdb.DuckDBPyConnection) -> tuple[str, dict[str, int]]:
    rows = con.execute("""SELECT month, category, count(*) FROM findings WHERE month IS NOT NULL
                          GROUP BY ALL ORDER BY month""").fetchall()
    totals = dict(con.execute("SELECT category, count(*) FROM findings GROUP BY ALL ORDER BY 2 DESC").fetchall())
    by_month: dict[str, dict[str, int]] = defaultdict(dict)
    for month, category, n in rows:
        by_month[month][category] = int(n)
    months = sorted(by_month)
    fig, ax = _figure()
    bottom = [0] * len(months)
    x = _months(months)
    for i, category in enumerate(totals):
        values = [by_month[m].get(category, 0) for m in months]
        ax.bar(x, values, width=25, bottom=bottom, label=category, color=PALETTE[i % len(PALETTE)])
        bottom = [b + v for b, v in zip(bottom, values, strict=True)]
    ax.set_ylabel("findings per month")
    ax.legend(frameon=False, ncol=min(5, max(1, len(totals))))
    svg = _svg(fig)
    import matplotlib.pyplot as plt

    plt.close(fig)
    return svg, {k: int(v) for k, v in totals.items()}


def _table(head: list[str], rows: list[list[Any]], attrs: str = "") -> str:
    th = "".join(f"<th>{html.escape(h)}</th>" for h in head)
    body = "".join("<tr>" + "".join(f"<td>{html.escape(str(c))}</td>" for c in row) + "</tr>" for row in rows)
    return f"<table {attrs}><thead><tr>{th}</tr></thead><tbody>{body}</tbody></table>"


def build_report(db: str) -> str:
    from ..records import NewslintError

    if not os.path.isfile(db):
        raise NewslintError(f"{db}: no such database (run 'newslint archive SOURCE --db {db}' first)")
    try:
        con = duckdb.connect(db, read_only=True)
    except duckdb.Error as exc:
        raise NewslintError(f"{db}: not a newslint archive database ({exc})") from None
    tables = {r[0] for r in con.execute("SELECT table_name FROM information_schema.tables").fetchall()}
    if not {"articles", "findings", "usage"} <= tables:
        con.close()
        raise NewslintError(f"{db}: the archive run has not finished (no usage table yet); run "
                            "'newslint archive SOURCE' again to complete it")
    try:
        articles, unreadable, findings = con.execute(
            "SELECT count(*), count(error), coalesce(sum(findings), 0) FROM articles").fetchone()  # type: ignore[misc]
        first, last = con.execute("SELECT min(month), max(month) FROM articles").fetchone()  # type: ignore[misc]
        parts: list[str] = []
        parts.append(
            f'<dl id="totals" data-articles="{articles}" data-findings="{findings}" data-unreadable="{unreadable}">'
            f"<dt>Articles</dt><dd>{articles:,}</dd><dt>Findings</dt><dd>{findings:,}</dd>"
            f"<dt>Could not be read</dt><dd>{unreadable:,}</dd>"
            f"<dt>Months</dt><dd>{first or '-'} to {last or '-'}</dd></dl>")
        groups = spelling_groups(con)
        parts.append("<h2>Spellings over time</h2><p>Share of the articles naming each person or place that used "
                     "each spelling, by month; the table gives articles per year.</p>")
        for group in groups[:MAX_GROUPS]:
            svg, by_year = _share_chart(con, group)
            forms = sorted(group["forms"], key=lambda f: -group["forms"][f])
            rows = [[year, *[counts.get(f, 0) for f in forms]] for year, counts in by_year]
            kind = "listed" if group["source"] == "listed" else "found across articles"
            parts.append(f'<section class="group" data-label="{html.escape(group["label"])}" '
                         f'data-source="{group["source"]}"><h3>{html.escape(group["label"])} '
                         f'<small>({group["category"]}, {kind})</small></h3>{svg}'
                         + _table(["year", *forms], rows, 'class="usage"') + "</section>")
        if not groups:
            parts.append("<p>No name or place is spelled more than one way in this archive.</p>")
        svg, totals = _category_chart(con)
        parts.append("<h2>Findings per month by category</h2>" + svg
                     + _table(["category", "findings"], [[k, v] for k, v in totals.items()], 'id="by-category"'))
        pairs = [g for g in groups if g["source"] == "pair"][:20]
        rows = []
        for g in pairs:
            forms = sorted(g["forms"], key=lambda f: -g["forms"][f])
            minority = forms[-1]
            examples = [r[0] for r in con.execute(
                "SELECT DISTINCT article_id FROM names WHERE name = ? ORDER BY article_id LIMIT 3",
                [minority]).fetchall()]
            rows.append([" / ".join(f"{f} ({g['forms'][f]})" for f in forms), ", ".join(examples)])
        parts.append("<h2>Names spelled more than one way across articles</h2>"
                     "<p>Pairs no list knows, found by the same transliteration rules as NL103; counts are "
                     "articles; the examples use the rarer form.</p>"
                     + (_table(["spellings (articles)", "example articles"], rows, 'id="pairs"') if rows
                        else "<p>None found.</p>"))
        top = con.execute("""SELECT substr(month, 1, 4) AS year, rule, name, count(*) AS n FROM findings
                             WHERE month IS NOT NULL GROUP BY year, rule, name QUALIFY row_number() OVER
                             (PARTITION BY year ORDER BY n DESC, rule) <= 5 ORDER BY year, n DESC""").fetchall()
        parts.append("<h2>Top rules by year</h2>" + _table(["year", "rule", "name", "findings"],
                                                           [list(r) for r in top], 'id="top-rules"'))
    finally:
        con.close()
    style = ("body{font:15px/1.5 Georgia,serif;max-width:960px;margin:2rem auto;padding:0 1rem;color:#1d1d1b}"
             "h1{border-bottom:2px solid #1d1d1b}"
             "h2{margin-top:2.2rem;font-family:system-ui,sans-serif;font-size:1.1rem}"
             "dl{display:grid;grid-template-columns:max-content 1fr;gap:.2rem 1rem}dt{font-weight:600}"
             "table{border-collapse:collapse;font:13px system-ui,sans-serif;margin:.5rem 0 1rem}"
             "td,th{border-bottom:1px solid #ddd;padding:.2rem .6rem;text-align:left}svg{max-width:100%;height:auto}")
    return (f"<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>newslint archive report</title>"
            f"<style>{style}</style></head><body><h1>How the archive spells things</h1>"
            f"<p>newslint {__version__}, database <code>{html.escape(db)}</code>.</p>{''.join(parts)}</body></html>")


def write_report(db: str, out: str) -> str:
    page = build_report(db)
    with open(out, "w", encoding="utf-8") as fh:
        fh.write(page)
    return out
