#!/usr/bin/env bash
# Times warm runs of goasl generate, the figures of issue 12's goals:
#   1. goasl generate of one unchanged package (goal: 0.5 s or less);
#   2. go generate ./examples/... (one go:generate directive, so one goasl
#      run, per example package) against one goasl generate ./examples/...
#      (goal: at most twice as long).
# The GOASL_NOCACHE=1 lines time the same with generate's fast path off (a
# full run: go list and the driver every time), for comparison.
# Each command runs once to warm the caches, then RUNS times (default 5);
# the median wall and CPU (user+sys) seconds are printed.
# Usage: bash scripts/bench-generate.sh [RUNS]
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-5}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
bin=$tmp/goasl
tf=$tmp/time
go build -o "$bin" ./cmd/goasl

# median prints the median wall and CPU seconds of RUNS runs of a command.
median() {
	local label=$1
	shift
	"$@" >/dev/null 2>&1 # warm-up
	local walls=() cpus=()
	for ((i = 0; i < runs; i++)); do
		/usr/bin/time -o "$tf" -f '%e %U %S' "$@" >/dev/null 2>&1
		read -r wall user sys <"$tf"
		walls+=("$wall")
		cpus+=("$(awk -v u="$user" -v s="$sys" 'BEGIN { print u + s }')")
	done
	local mw mc
	mw=$(printf '%s\n' "${walls[@]}" | sort -n | sed -n "$(((runs + 1) / 2))p")
	mc=$(printf '%s\n' "${cpus[@]}" | sort -n | sed -n "$(((runs + 1) / 2))p")
	printf '%-45s wall %6.2f s   cpu %6.2f s\n' "$label" "$mw" "$mc"
}

median "goasl generate ./examples/hello" "$bin" generate ./examples/hello
median "  the same, GOASL_NOCACHE=1" env GOASL_NOCACHE=1 "$bin" generate ./examples/hello
median "goasl generate ./examples/..." "$bin" generate ./examples/...
median "go generate ./examples/..." go generate ./examples/...
median "  the same, GOASL_NOCACHE=1" env GOASL_NOCACHE=1 go generate ./examples/...
