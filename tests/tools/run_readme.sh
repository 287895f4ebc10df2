#!/usr/bin/env bash
# run_readme.sh - the README's console examples run as written and print what it shows.
#
#   run_readme.sh <source dir> <build dir>
#
# Installs the build into a temporary prefix (`cmake --install`, as the README says) and puts
# its bin/ first on PATH; the work directory gets a copy of examples/*.sql and a link `build`
# to the build tree, so the commands run as from the repository root without
# touching it.  Then, in README order:
#   - a fenced block right after a line `<!-- readme-test: file NAME -->` is written to NAME;
#   - in a ```console block, each line starting with "$ " is a command, run with bash in the
#     work directory (stdout and stderr together, the exit code not checked), and the lines
#     up to the next command or the end of the block are its expected output, compared byte
#     for byte.  Nothing is masked: the examples print nothing that varies.
# HOME is a fresh directory, so `sluice run` caches there.  Ends with "N passed, M failed".
set -euo pipefail

usage="usage: $0 <source dir> <build dir>"
src=$(realpath "${1:?$usage}")
bld=$(realpath "${2:?$usage}")
readme=$src/README.md
tmp=$(mktemp -d "${TMPDIR:-/tmp}/readme.XXXXXX")
trap 'rm -rf "$tmp"' EXIT

cmake --install "$bld" --prefix "$tmp/prefix" > "$tmp/install.log" 2>&1 || {
    cat "$tmp/install.log" >&2
    echo "readme: FAIL: cmake --install" >&2
    exit 1
}
work=$tmp/work
mkdir -p "$work/examples" "$tmp/home"
cp "$src"/examples/*.sql "$work/examples/"
ln -s "$bld" "$work/build"
unset SLUICE_CACHE_DIR XDG_CACHE_HOME SLUICE_RUNTIME_DIR
export HOME=$tmp/home PATH=$tmp/prefix/bin:$PATH

pass=0
fail=0
blocks=0
# Run command $1 (README line $2) and compare its output with the file $3.
run_one() {
    local cmd=$1 at=$2 want=$3
    (cd "$work" && bash -c "$cmd") > "$tmp/got" 2>&1 || true
    if cmp -s "$want" "$tmp/got"; then
        pass=$((pass + 1))
    else
        echo "readme: FAIL: README.md:$at: \$ $cmd" >&2
        diff -u --label "README.md" --label "actual output" "$want" "$tmp/got" >&2 || true
        fail=$((fail + 1))
    fi
}

n=0 mode=text file="" cmd="" cmd_at=0
while IFS= read -r line || [[ -n $line ]]; do
    n=$((n + 1))
    case $mode in
    text)
        if [[ $line =~ ^\<!--\ readme-test:\ file\ ([^ ]+)\ --\>$ ]]; then
            file=${BASH_REMATCH[1]}
        elif [[ $line == '```console' ]]; then
            mode=console blocks=$((blocks + 1))
        elif [[ $line == '```'* && -n $file ]]; then
            mode=file
            mkdir -p "$work/$(dirname "$file")"
            : > "$work/$file"
        fi
        ;;
    file)
        if [[ $line == '```' ]]; then
            mode=text file=""
        else
            printf '%s\n' "$line" >> "$work/$file"
        fi
        ;;
    console)
        if [[ $line == '```' || $line == '$ '* ]]; then
            [[ -n $cmd ]] && run_one "$cmd" "$cmd_at" "$tmp/want"
            cmd=""
            if [[ $line == '```' ]]; then
                mode=text
            else
                cmd=${line#'$ '} cmd_at=$n
                : > "$tmp/want"
            fi
        elif [[ -n $cmd ]]; then
            printf '%s\n' "$line" >> "$tmp/want"
        else
            echo "readme: FAIL: README.md:$n: output before any \$ command in a console block" >&2
            fail=$((fail + 1))
        fi
        ;;
    esac
done < "$readme"

if [[ $mode != text ]]; then
    echo "readme: FAIL: README.md ends inside a fenced block" >&2
    fail=$((fail + 1))
fi
# The README's examples are console blocks: finding none means they lost their marking.
if ((blocks < 4)); then
    echo "readme: FAIL: $blocks console blocks in README.md, expected at least 4" >&2
    fail=$((fail + 1))
fi
echo "$pass passed, $fail failed"
[[ $fail == 0 ]]
