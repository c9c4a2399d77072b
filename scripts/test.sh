#!/usr/bin/env bash
# scripts/test.sh: set up and run goasl's whole test suite, on a fresh machine
# or a developer's. CI calls it from .ci/run with CI=true exported, which makes
# tests fail (rather than skip) when the npm ASL validators are missing.
#
# Needs Go (the version in go.mod) and Node.js 20 or later with npm. Only
# `npm ci` and `go mod download` use the network (the npm registry and the Go
# module proxy); everything after them runs offline.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."

step() { printf '==> %s\n' "$*"; }
die() { printf 'scripts/test.sh: %s\n' "$*" >&2; exit 1; }

# --- 1. The npm ASL validators, pinned in tools/npm/package-lock.json -------
command -v node >/dev/null || die "Node.js 20 or later is required (node is not on PATH)"
command -v npm >/dev/null || die "npm is required (npm is not on PATH)"
node_major=$(node -p 'process.versions.node.split(".")[0]')
(( node_major >= 20 )) || die "Node.js 20 or later is required, found $(node --version)"

# node_modules is current when the stamp written after the last successful
# `npm ci` (a copy of the manifest and lockfile it installed) still matches.
npm_dir=tools/npm
stamp="$npm_dir/node_modules/.goasl-installed-from"
if cat "$npm_dir/package.json" "$npm_dir/package-lock.json" | cmp -s - "$stamp"; then
  step "tools/npm: node_modules is current, skipping npm ci"
else
  step "tools/npm: npm ci"
  (cd "$npm_dir" && npm ci --ignore-scripts --no-audit --no-fund)
  cat "$npm_dir/package.json" "$npm_dir/package-lock.json" > "$stamp"
fi

# --- 2. Go ------------------------------------------------------------------
step "go mod download"
go mod download

# gofmt sees the same .go files as the go command: it skips testdata folders,
# folders whose names start with "." or "_", and npm's node_modules.
step "gofmt -l"
unformatted=$(find . \( -name testdata -o -name node_modules -o -name '.?*' -o -name '_*' \) -prune \
  -o -type f -name '*.go' -print0 | xargs -0 -r gofmt -l)
if [[ -n "$unformatted" ]]; then
  printf '%s\n' "$unformatted" >&2
  die "the files above are not gofmt'ed (run gofmt -w on them)"
fi

step "go vet ./..."
go vet ./...

# The examples' committed outputs must be what goasl generates now (the same
# check as `go generate ./examples/... && git diff --exit-code`, without
# touching the tree).
step "goasl generate -check ./examples/..."
go run ./cmd/goasl generate -check ./examples/...

# examples/cdkapp's constructors come from its own //go:generate directive
# (goasl generate -cdk-dir . ...): run that directive with -check. (Not a Go
# test: running goasl inside this module would make go test's cached result
# depend on the module's root directory.)
step "examples/cdkapp: its goasl generate directive, with -check"
cdkapp_args=$(sed -n 's|^//go:generate go run github.com/goasl/goasl/cmd/goasl generate ||p' examples/cdkapp/doc.go)
[[ -n "$cdkapp_args" ]] || die "examples/cdkapp/doc.go has no goasl generate directive"
# shellcheck disable=SC2086 # the directive's arguments, split as go generate splits them
(cd examples/cdkapp && go run github.com/goasl/goasl/cmd/goasl generate -check $cdkapp_args)

# jsii (the CDK tests) prints a banner about Node 20 on every start.
export JSII_SILENCE_WARNING_END_OF_LIFE_NODE_VERSION=1

step "go test ./...  (CI=${CI:-})"
go test ./...

# The JSONata evaluator against jsonata-js 2.0.6 (node), on expressions the
# fuzzer derives from its corpus, for a bounded time (go test ./... already
# compares a fixed set of generated expressions).
step "go test ./asl/jsonata/eval -fuzz FuzzDifferential -fuzztime 20s"
go test ./asl/jsonata/eval -run '^$' -fuzz FuzzDifferential -fuzztime 20s

# The executor's conformance to AWS's recorded behaviour (the line the README
# shows; the failing cases are in internal/conformance/testdata/failures.golden).
step "conformance"
go test -count=1 -run TestConformance -v ./internal/conformance | grep -E '^(conformance|non-JSONata):' || true
