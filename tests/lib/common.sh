# shellcheck shell=bash
# tests/lib/common.sh — counting and reporting for tests/run (sourced, not run).
#
#   ok NAME                 one passed test
#   fail NAME [LINE...]     one failed test; each LINE (may hold newlines) is printed
#                           indented under it: the command, a diff, the reason
#   skip NAME WHY           one skipped test
#   selected NAME           true when NAME matches the command-line filters
#   summary                 the closing "N passed, N failed[, N skipped]"; exit status
#   diff_files WANT GOT     a unified diff of two files, without the file header
#   first_difference WANT GOT  where two files first differ, with some context of
#                           each (readable even when a file is one long line)
#   update_file NEW DEST    UPDATE=1: store NEW as DEST (an empty NEW removes DEST)

PASSED=0
FAILED=0
SKIPPED=0

if [ -t 1 ]; then
    C_RED=$'\e[31m' C_YELLOW=$'\e[33m' C_OFF=$'\e[0m'
else
    C_RED='' C_YELLOW='' C_OFF=''
fi

ok() {
    echo "ok $1"
    PASSED=$((PASSED + 1))
}

fail() {
    echo "${C_RED}FAIL${C_OFF} $1"
    shift
    local line
    for line in "$@"; do
        printf '%s\n' "$line" | sed 's/^/    /'
    done
    FAILED=$((FAILED + 1))
}

skip() {
    echo "${C_YELLOW}skip${C_OFF} $1 ($2)"
    SKIPPED=$((SKIPPED + 1))
}

selected() {
    [ "${#FILTERS[@]}" -eq 0 ] && return 0
    local f
    for f in "${FILTERS[@]}"; do
        [[ $1 == *"$f"* ]] && return 0
    done
    return 1
}

diff_files() {
    diff -u "$1" "$2" | tail -n +3
}

# Drop the broken characters left where a byte count cut a UTF-8 sequence.
valid_utf8() {
    iconv -f UTF-8 -t UTF-8 -c 2>/dev/null
}

first_difference() {
    local at line
    at=$(cmp "$1" "$2" 2>/dev/null | sed -n 's/.* differ: byte \([0-9]*\), line \([0-9]*\).*/\1 \2/p')
    [ -n "$at" ] || { echo "one file is a prefix of the other"; return; }
    line=${at#* } at=${at% *}
    local from=$((at > 80 ? at - 80 : 1))
    echo "first difference at byte $at (line $line):"
    printf '  -%s\n' "$(tail -c +"$from" "$1" | head -c 200 | tr '\n' ' ' | valid_utf8)"
    printf '  +%s\n' "$(tail -c +"$from" "$2" | head -c 200 | tr '\n' ' ' | valid_utf8)"
}

update_file() {
    if [ -s "$1" ]; then
        mkdir -p "$(dirname "$2")"
        cmp -s "$1" "$2" 2>/dev/null || cp "$1" "$2"
    else
        rm -f "$2"
    fi
}

summary() {
    local line="$PASSED passed, $FAILED failed"
    [ "$SKIPPED" -eq 0 ] || line+=", $SKIPPED skipped"
    echo "$line"
    [ "$FAILED" -eq 0 ]
}
