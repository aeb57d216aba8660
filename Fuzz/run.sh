#!/usr/bin/env bash
# Fuzzes steppe's lexer, parser, evaluator, plugins and renderers with libFuzzer.
#
#   Fuzz/run.sh [SECONDS] [LIBFUZZER-OPTION ...]     (default: 60 seconds)
#
# Builds Fuzz/FuzzSteppe.swift against Sources/SteppeCore and the plugins
# with -sanitize=fuzzer,address, seeds a working corpus from Fuzz/corpus-seed,
# and runs for SECONDS. Everything it makes goes under .build-fuzz/ (or
# $STEPPE_FUZZ_WORK); a crash or hang is saved there as crash-* / timeout-*,
# and `Fuzz/run.sh 0 FILE` (or `.build-fuzz/fuzz-steppe FILE`) replays one.
# Set FUZZ_NO_BUILD=1 to reuse the last build.
set -euo pipefail

seconds="${1:-60}"
shift || true
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
work="${STEPPE_FUZZ_WORK:-$root/.build-fuzz}"
swiftc="${SWIFTC:-$(command -v swiftc || echo /opt/swift/usr/bin/swiftc)}"
flags=(-parse-as-library -swift-version 6 -O -sanitize=fuzzer,address -g)
mkdir -p "$work/modules" "$work/corpus" "$work/findings" "$work/cwd"

if [[ "${FUZZ_NO_BUILD:-}" != 1 || ! -x "$work/fuzz-steppe" ]]; then
    echo "fuzz: building (swiftc -O, fuzzer + address sanitizer)…" >&2
    # SwiftPM embeds the packs as PackageResources; make the same enum.
    resources="$work/PackageResources.swift"
    {
        echo "enum PackageResources {"
        for pack in "$root"/Sources/SteppeCore/Packs/*.steppe; do
            name="$(basename "$pack" | tr '.-' '__')"
            printf '    static let %s: [UInt8] = [' "$name"
            od -An -v -tu1 "$pack" | tr -s ' \n' ',,' | sed 's/^,//; s/,$//'
            echo "]"
        done
        echo "}"
    } > "$resources"
    mapfile -t core < <(find "$root/Sources/SteppeCore" -name '*.swift' ! -name Package.swift | sort)
    "$swiftc" "${flags[@]}" -module-name SteppeCore -wmo -c "${core[@]}" "$resources" \
        -emit-module -emit-module-path "$work/modules/SteppeCore.swiftmodule" -o "$work/SteppeCore.o"
    objects=("$work/SteppeCore.o")
    # The built-in plugins (not the Example template); one that does not
    # build right now (someone is editing it) is left out with a warning.
    for dir in "$root"/Plugins/*/; do
        plugin="$(basename "$dir")"
        [[ "$plugin" == Example ]] && continue
        rm -f "$work/modules/$plugin.swiftmodule"
        mapfile -t files < <(find "$dir" -name '*.swift' | sort)
        if "$swiftc" "${flags[@]}" -module-name "$plugin" -wmo -c "${files[@]}" -I "$work/modules" \
            -emit-module -emit-module-path "$work/modules/$plugin.swiftmodule" -o "$work/$plugin.o" 2> "$work/$plugin.log"; then
            objects+=("$work/$plugin.o")
        else
            echo "fuzz: warning: plugin $plugin did not build, fuzzing without it (see $work/$plugin.log)" >&2
            rm -f "$work/modules/$plugin.swiftmodule"
        fi
    done
    "$swiftc" "${flags[@]}" -I "$work/modules" "$root/Fuzz/FuzzSteppe.swift" "${objects[@]}" -o "$work/fuzz-steppe"
fi

# Seeds, and a scratch folder for `:run`/`:load` of relative paths.
cp -n "$root"/Fuzz/corpus-seed/* "$work/corpus/" 2>/dev/null || true
cp "$root"/Tests/ScriptTests/scripts/lib/*.steppe "$work/cwd/" 2>/dev/null || true
export STEPPE_FUZZ_DIR="$work/cwd"

if [[ "$seconds" == 0 ]]; then
    # Replay the given inputs.
    exec "$work/fuzz-steppe" -timeout=5 -rss_limit_mb=4096 "$@"
fi
echo "fuzz: running for $seconds s; corpus $work/corpus ($(ls "$work/corpus" | wc -l) inputs)" >&2
exec "$work/fuzz-steppe" "$work/corpus" \
    -max_total_time="$seconds" -timeout=5 -rss_limit_mb=4096 -max_len=4096 \
    -dict="$root/Fuzz/steppe.dict" -artifact_prefix="$work/findings/" -print_final_stats=1 "$@"
