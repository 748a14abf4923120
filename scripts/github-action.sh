#!/usr/bin/env bash
# The shell logic of newslint's GitHub Action (action.yml), kept here so that it can be
# tested on a local git repository (tests/test_action.py). Settings come from the
# environment, so the same script runs in any CI:
#   NEWSLINT_BASE_REF     lint only the copy changed since this commit/branch (empty: lint NEWSLINT_PATHS)
#   NEWSLINT_PATHS        files or folders to lint, or to limit the changed files to (default: .)
#   NEWSLINT_FORMAT       annotations | sarif | text | json | gitlab (default: annotations)
#   NEWSLINT_OUTPUT_FILE  where sarif/json/gitlab reports go (default: newslint.sarif for sarif)
#   NEWSLINT_FAIL_ON      info | warning | error | never (default: newslint's, i.e. warning)
#   NEWSLINT_FILES_REGEX  which changed files are copy (default: .md .markdown .txt .html .htm)
#   NEWSLINT_ARGS         more newslint arguments, split on whitespace (e.g. "--style ap --ignore NL7")
#   NEWSLINT_BIN          the newslint command (default: newslint)
# Writes exit-code, files and report to $GITHUB_OUTPUT and a Markdown summary table to
# $GITHUB_STEP_SUMMARY when they are set. Exit status: newslint's (0 clean, 1 findings, 2 usage
# error or input that could not be read); 0 when there is no changed copy.
set -uo pipefail

base="${NEWSLINT_BASE_REF:-}"
format="${NEWSLINT_FORMAT:-annotations}"
fail_on="${NEWSLINT_FAIL_ON:-}"
regex="${NEWSLINT_FILES_REGEX:-\.(md|markdown|txt|html?)$}"
bin="${NEWSLINT_BIN:-newslint}"
read -r -a paths <<< "${NEWSLINT_PATHS:-.}"
read -r -a extra <<< "${NEWSLINT_ARGS:-}"
[[ ${#paths[@]} -eq 0 ]] && paths=(.)

output() {  # output NAME VALUE: a step output, when running in GitHub Actions
  if [[ -n "${GITHUB_OUTPUT:-}" ]]; then printf '%s=%s\n' "$1" "$2" >> "$GITHUB_OUTPUT"; fi
}
fail() { echo "newslint-action: error: $*" >&2; output exit-code 2; exit 2; }

case "$format" in
  annotations) fmt=github; report="" ;;
  sarif) fmt=sarif; report="${NEWSLINT_OUTPUT_FILE:-newslint.sarif}" ;;
  json|gitlab) fmt="$format"; report="${NEWSLINT_OUTPUT_FILE:-newslint-report.json}" ;;
  text) fmt=text; report="" ;;
  *) fail "unknown format '$format' (use annotations, sarif, text, json or gitlab)" ;;
esac
case "$fail_on" in
  ""|info|warning|error|never) ;;
  *) fail "unknown fail-on '$fail_on' (use info, warning, error or never)" ;;
esac

files=()
if [[ -n "$base" && ! "$base" =~ ^0+$ ]]; then
  git rev-parse --is-inside-work-tree > /dev/null 2>&1 || fail "not a git repository; cannot find changed files"
  if ! git rev-parse --verify --quiet "${base}^{commit}" > /dev/null; then
    git fetch --quiet --no-tags --depth=50 origin "$base" > /dev/null 2>&1 \
      && base_commit=FETCH_HEAD || fail "base ref '$base' is not in this clone; check out with fetch-depth: 0"
  else
    base_commit="$base"
  fi
  if merge_base=$(git merge-base "$base_commit" HEAD 2> /dev/null); then
    from="$merge_base"
  else
    from="$base_commit"
  fi
  shopt -s nocasematch
  while IFS= read -r -d '' name; do
    [[ "$name" =~ $regex ]] && files+=("$name")
  done < <(git diff --name-only --relative -z --diff-filter=ACMR "$from" HEAD -- "${paths[@]}")
  shopt -u nocasematch
  if [[ ${#files[@]} -eq 0 ]]; then
    echo "newslint-action: no changed copy to lint since ${base} (in: ${paths[*]})"
    if [[ -n "$report" ]]; then  # a complete, valid report of a run that linted nothing
      "$bin" empty-report "$fmt" > "$report" || fail "cannot write $report"
      output report "$report"
    fi
    if [[ -n "${GITHUB_STEP_SUMMARY:-}" ]]; then
      printf '## newslint\n\nNo changed copy to lint since `%s`.\n' "$base" >> "$GITHUB_STEP_SUMMARY"
    fi
    output files 0
    output exit-code 0
    exit 0
  fi
  echo "newslint-action: linting ${#files[@]} changed file(s) since ${base}"
else
  files=("${paths[@]}")
fi

args=()
[[ -n "$fail_on" ]] && args+=(--fail-on "$fail_on")
[[ -n "${GITHUB_STEP_SUMMARY:-}" ]] && args+=(--markdown-summary "$GITHUB_STEP_SUMMARY")
if [[ -n "$report" ]]; then
  args+=(--format "$fmt" --output "$report")
else
  args+=(--format "$fmt")
fi

"$bin" "${args[@]}" "${extra[@]}" -- "${files[@]}"
status=$?
output files "${#files[@]}"
[[ -n "$report" ]] && output report "$report"
output exit-code "$status"
exit "$status"
