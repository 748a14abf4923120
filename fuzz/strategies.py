"""Hypothesis strategies for fuzzing: Markdown-like text and config / pack files."""
from __future__ import annotations

from hypothesis import strategies as st

MD_PIECES = [
    "# ", "###### ", "#", "---", "+++", "***", "___", "===", "date: 2022-03-01", "date = 2022-13-45", "\n",
    "\r\n", "\r", "\n\n", "    ", "\t", "> ", ">>", "- ", "* ", "+ ", "1. ", "1) ", "- [ ] ", "- [x] ", "`", "``",
    "```", "~~~", "**", "__", "*", "_", "~~", "[", "]", "(", ")", "![", "](", "][", "<", ">", "</", "/>",
    "<!--", "-->", "<!-- newslint-disable NL201 -->", "<!-- newslint-enable -->",
    "<!-- newslint-disable-next-line -->", "<b>", "</b>", "<script>", "</script>", "<pre>", "</pre>",
    "<a href=\"x\">", "</a>", "http://", "https://x.y/", "www.", "<https://x.y>", "|", "|---|", "\\", "&amp;",
    "&#", "Kiev", "Read more:", "Talks", " ", " ", "word", ".", "\u200b", "\ufeff", "\x00", "\u2028", "e\u0301",
    "\U0001F600", "\u05e9",
]


def markdown_texts() -> st.SearchStrategy[str]:
    return st.lists(st.one_of(st.sampled_from(MD_PIECES), st.text(max_size=6)), max_size=80).map("".join)


_KEYS = ["style", "select", "extend-select", "ignore", "packs", "include", "exclude", "fail-on", "date",
         "per-file-ignores", "max-file-size", "nlp", "options", "unknown_key", "fail_on"]
_RULE_KEYS = ["code", "name", "kind", "category", "severity", "message", "examples", "counterexamples",
              "patterns", "terms", "groups", "exceptions", "ignore-case", "safe", "presets", "replacement",
              "requires", "enabled", "example-style", "allow", "disable", "variants"]

_scalars = st.one_of(
    st.sampled_from(['"NL901"', '"NL101"', '"x-y"', '"existence"', '"substitution"', '"consistency"',
                     '"style"', '"names"', '"error"', '"warning"', '"bogus"', '"(a+)+$"', '"(unclosed"',
                     '"\\\\w+"', '"Kiev"', '"pack.toml"', '"missing.toml"', '"2022-01-01"', '"ap"',
                     '"en_core_web_sm"', '"no_such_model"', '"pos"', '"{match}"', '"{"', '"\\u0000"']),
    st.integers(-3, 3).map(str), st.sampled_from(["true", "false", "1979-05-27", "12:00:00", "1.5", "inf"]),
)
_values = st.recursive(
    _scalars,
    lambda inner: st.one_of(
        st.lists(inner, max_size=3).map(lambda xs: "[" + ", ".join(xs) + "]"),
        st.dictionaries(st.sampled_from(_RULE_KEYS + ["Kiev", "ap", "NL901", "*.md"]), inner, max_size=3)
        .map(lambda d: "{" + ", ".join(f'"{k}" = {v}' for k, v in d.items()) + "}"),
    ),
    max_leaves=6,
)


def _table(keys: list[str]) -> st.SearchStrategy[str]:
    return st.dictionaries(st.sampled_from(keys), _values, max_size=8).map(
        lambda d: "".join(f'"{k}" = {v}\n' for k, v in d.items()))


def _pack() -> st.SearchStrategy[str]:
    rule = _table(_RULE_KEYS).map(lambda body: "[[rules]]\n" + body)
    return st.tuples(st.sampled_from(['[pack]\nname = "p"\n', "", '[pack]\n', 'pack = 3\n']),
                     st.lists(rule, max_size=3)).map(lambda t: t[0] + "".join(t[1]))


def _mangle(text: str, cut: int, junk: str) -> str:
    cut = cut % (len(text) + 1)
    return text[:cut] + junk + text[cut:]


def config_files() -> st.SearchStrategy[dict[str, str]]:
    config = st.one_of(
        _table(_KEYS),
        _table(_KEYS).map(lambda body: "[tool.newslint]\n" + body),
        st.sampled_from(["tool = 3\n", "[tool]\nnewslint = 3\n", "[tool]\nnewslint = [1]\n"]),
    )
    pack = _pack()
    mangled = st.builds(_mangle, pack, st.integers(0, 400), st.sampled_from(["[", "]]", '"', "=", "\n[[rules]]\n",
                                                                             "\x00", "\ufeff", "[" * 300]))
    return st.fixed_dictionaries({
        "newslint.toml": config.map(lambda body: 'packs = ["pack.toml"]\n' + body if "packs" not in body
                                    else body),
        "pyproject.toml": config,
        "pack.toml": st.one_of(pack, mangled),
    })
