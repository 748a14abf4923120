"""Membership frames read from a dependency parse, where a trained pipeline is loaded.

The clause window of :mod:`newslint.knowledge.frames` ties a country to a cue across a
verb chain; a parse knows more: the subject of "join" when a long aside stands between
("Ukraine, which has been fighting Russia for three years and has lost thousands of
soldiers, still hopes to join NATO"), a subject raised from a clause ("Protesters want
Georgia and Poland to join the EU"), the object of "admit" or "welcome". This module
only adds claims for countries the window left alone in the same frame, so the
pipeline never takes a finding away; without a pipeline (``--fast``, ``[nlp] model =
"none"``, or none installed) it does nothing and spaCy is never imported.
"""
from __future__ import annotations

from collections.abc import Iterator
from typing import Any

_SUBJECTS = ("nsubj", "nsubjpass")
_CLIMB = ("xcomp", "conj")  # "hopes to join": the subject of "hopes"
_RELATIVE = frozenset({"which", "who", "that"})


def parse_available(ctx: Any) -> bool:
    """A trained pipeline is configured (not fast mode, not "none", installed)."""
    nlp = getattr(ctx, "nlp", None)
    return nlp is not None and nlp.model is not None and nlp.provides(frozenset({"dep"}))


def _with_conjuncts(tokens: list[Any]) -> list[Any]:
    found, todo = [], list(tokens)
    while todo:
        tok = todo.pop()
        if tok in found:
            continue
        found.append(tok)
        todo.extend(c for c in tok.children if c.dep_ in ("conj", "appos"))
    return found


def subjects(cue: Any) -> tuple[list[Any], bool]:
    """The subject tokens of a cue verb (through "hopes to join" and relative clauses),
    with their conjuncts, and whether a negation governs the cue on the way."""
    tok, negated = cue, False
    for _ in range(4):
        negated = negated or any(c.dep_ == "neg" for c in tok.children)
        found = [c for c in tok.children if c.dep_ in _SUBJECTS]
        if found:
            if found[0].lower_ in _RELATIVE and tok.dep_ == "relcl":
                return _with_conjuncts([tok.head]), negated  # "Sweden, which joined"
            return _with_conjuncts(found), negated
        if tok.dep_ == "relcl":
            return _with_conjuncts([tok.head]), negated
        if tok.dep_ not in _CLIMB or tok.head is tok:
            break
        tok = tok.head
    return [], negated


def objects(cue: Any) -> tuple[list[Any], bool]:
    """The direct objects of a cue verb ("admit Ukraine and Georgia"), with conjuncts."""
    negated = any(c.dep_ == "neg" for c in cue.children) or any(c.dep_ == "neg" for c in cue.head.children)
    return _with_conjuncts([c for c in cue.children if c.dep_ == "dobj"]), negated


def parsed_claims(finder: Any, ctx: Any, view: Any, topic: Any, claimed: set[tuple[str, int]]) -> Iterator[Any]:
    """Claims the parse finds for subject and object frames in one sentence, for countries
    the window did not claim in that frame."""
    from .frames import _PERFECT, _bare_end, _Group, is_past

    wanted = []
    for k, word in enumerate(view.lower):
        for frame, cue, weak in finder._index.get(word, ()):
            if frame.shape not in ("subject", "object") or weak or finder._cue_end(view, k, cue) is None:
                continue
            if is_past(word) and (k == 0 or view.lower[k - 1] not in _PERFECT) and not (finder.events or frame.events):
                continue  # an accession event ("Poland joined"): the accession-year rule's
            wanted.append((k, frame, cue))
    unclaimed = [m for g in view.groups for m in g.members if all((f.name, m[0]) not in claimed
                                                                  for _, f, _ in wanted)]
    if not wanted or not unclaimed:
        return
    from ..nlp import sentence_docs

    (offset, doc), = sentence_docs(ctx, [(view.starts[0], view.ends[-1])])
    by_char = {offset + t.idx: t for t in doc}
    for k, frame, cue in wanted:
        tok = by_char.get(view.starts[k])
        if tok is None or tok.pos_ not in ("VERB", "AUX"):
            continue
        heads, negated = subjects(tok) if frame.shape == "subject" else objects(tok)
        if negated and not frame.negated:
            continue
        members = []
        for head in heads:
            start = offset + head.idx
            members += [m for m in unclaimed if m[0] <= start < m[1] and (frame.name, m[0]) not in claimed]
        if not members:
            continue
        end = finder._cue_end(view, k, cue)
        if frame.shape == "subject":
            ref, stop = finder._org_after(view, end)
            if ref is None and view.is_word(end) and not _bare_end(view, end):
                continue
            org = finder._resolve(frame, ref, topic, False)
        else:
            ref = finder._org_in_clause(view, end, end + 8) or next(
                (r for p, r in sorted(view.orgs.items(), reverse=True) if r.end <= k), None)
            org = ref.org if ref is not None else None
            stop = end
        if org is None:
            continue
        first = min(view.pos_at(m[0]) or k for m in members)
        last = max(view.pos_ending(m[1]) or k + 1 for m in members)
        group = _Group(first, last, sorted(members))
        for m in members:
            claimed.add((frame.name, m[0]))
        yield from finder._claims(frame, org, group, view, k, max(stop, end))
