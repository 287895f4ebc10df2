#!/usr/bin/env bash
# check_layers.sh - enforce the include DAG of the compiler and the runtime/compiler split.
#   base -> libc; front -> base; sema -> front, base; plan -> sema, front, base;
#   codegen -> plan, sema, front, base, llvm-c, srt_abi.h; the runtime never includes a
#   compiler header; llvm-c appears only in compiler/codegen/. common/ (the rules both
#   share) includes only itself, libc and PCRE2; every layer and the runtime may include it.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root"
bad=0
allowed() {
    case "$1" in
        base) echo "base" ;;
        front) echo "base front" ;;
        sema) echo "base front sema" ;;
        plan) echo "base front sema plan" ;;
        codegen) echo "base front sema plan codegen" ;;
    esac
}
for layer in base front sema plan codegen; do
    ok=$(allowed "$layer")
    while IFS= read -r line; do
        file=${line%%:*}
        inc=$(sed -E 's/.*#include "([^"]+)".*/\1/' <<<"$line")
        dir=${inc%%/*}
        if [[ "$inc" == common/* ]]; then
            :
        elif [[ "$inc" == */* ]]; then
            if [[ " $ok " != *" $dir "* ]]; then
                echo "layering: $file includes \"$inc\" ($layer may include: $ok)"
                bad=1
            fi
        elif [[ "$inc" == srt_abi.h && "$layer" != codegen ]]; then
            echo "layering: $file includes srt_abi.h (only codegen may)"
            bad=1
        fi
    done < <(grep -H '#include "' compiler/"$layer"/*.[ch] 2>/dev/null || true)
    if [[ "$layer" != codegen ]] && grep -l 'llvm-c/' compiler/"$layer"/*.[ch] >/dev/null 2>&1; then
        echo "layering: llvm-c included outside compiler/codegen: $(grep -l 'llvm-c/' compiler/"$layer"/*.[ch])"
        bad=1
    fi
done
if grep -rn -E '#include "(base|front|sema|plan|codegen)/' runtime >/dev/null; then
    echo "layering: the runtime includes compiler headers:"
    grep -rn -E '#include "(base|front|sema|plan|codegen)/' runtime
    bad=1
fi
if grep -n '#include "' common/*.[ch] | grep -v '#include "common/'; then
    echo "layering: common/ includes something besides common/ (libc and PCRE2 only)"
    bad=1
fi
if [[ $bad == 0 ]]; then
    echo "1 passed, 0 failed"
else
    echo "0 passed, 1 failed"
fi
exit $bad
