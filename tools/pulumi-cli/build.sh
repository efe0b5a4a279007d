#!/usr/bin/env bash
# Build the Pulumi CLI, its Python language host and the two helper scripts into .tools/pulumi/bin,
# at the one release pinned in tools/pulumi-cli/go.mod. Built once per machine, then reused.
#
# Every download comes from the Go module proxy, here and only here; running pulumi afterwards needs
# no network (see tools/pulumi_env.py). Module and build caches live beside the binaries
# (.tools/pulumi/go), so `rm -rf .tools` is a full reset.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
tools="${PULUMI_AMPECO_TOOLS:-$root/.tools/pulumi}"  # overridable for tests of a bare machine
bin="$tools/bin"
version=$(sed -n 's#^[[:space:]]*github.com/pulumi/pulumi/pkg/v3 \(v[0-9.]*\).*#\1#p' "$here/go.mod")
[ -n "$version" ] || { echo "build.sh: no github.com/pulumi/pulumi/pkg/v3 version in $here/go.mod" >&2; exit 1; }

have() {  # have DIR: DIR holds a pulumi of the pinned version and the three files it runs Python with
    [ -x "$1/pulumi" ] && [ -x "$1/pulumi-language-python" ] && [ -f "$1/pulumi-language-python-exec" ] &&
        [ -x "$1/pulumi-resource-pulumi-python" ] &&
        [ "$(PULUMI_SKIP_UPDATE_CHECK=true "$1/pulumi" version 2>/dev/null)" = "$version" ]
}

on_path=$(command -v pulumi || true)
if [ -n "$on_path" ] && have "$(dirname "$on_path")"; then
    echo "pulumi $version is on PATH ($on_path): nothing to build"
    exit 0
fi
if have "$bin"; then
    echo "pulumi $version already built in $bin"
    exit 0
fi
if ! command -v go >/dev/null 2>&1; then
    echo "The Pulumi CLI $version is needed: install it (https://www.pulumi.com/docs/iac/download-install/)," \
         "or install Go >= 1.25 and run \`make pulumi-cli\` to build it from the Go module proxy." >&2
    exit 1
fi

export GOMODCACHE="$tools/go/mod" GOCACHE="$tools/go/cache" GOFLAGS=-mod=readonly GOWORK=off \
       GOTOOLCHAIN=local CGO_ENABLED=0
build() {  # build MODULE_DIR VERSION OUT PACKAGE: Pulumi's release flags (.goreleaser.yml), version stamped
    (cd "$1" && go build -v -trimpath -tags=osusergo,grpcnotrace \
        -ldflags="-s -w -X github.com/pulumi/pulumi/sdk/v3/go/common/version.Version=$2" -o "$3.tmp" "$4" 2>&1) |
        progress "$(basename "$3")"
    mv "$3.tmp" "$3"
}
host_version=$(sed -n 's#^[[:space:]]*github.com/pulumi/pulumi/sdk/v3 \(v[0-9.]*\).*#\1#p' "$here/language-host/go.mod")
mkdir -p "$bin"
start=$SECONDS

progress() {  # one line per 200 packages that `go build -v` names
    local n=0 line
    while IFS= read -r line; do
        n=$((n + 1))
        case "$line" in *" "*) echo "$line" ;; esac  # package paths have no spaces: anything else (errors) shows
        [ $((n % 200)) -ne 0 ] || echo "  $1: $n packages ($((SECONDS - start)) s)"
    done
    echo "  $1: $n packages ($((SECONDS - start)) s)"
}

echo "[1/4] downloading Go modules for pulumi $version (about 1.6 GB into $tools/go/mod)"
(cd "$here" && go mod download) && (cd "$here/language-host" && go mod download)

echo "[2/4] building pulumi $version (a cold build compiles ~1,500 packages: minutes on 2 cores)"
build "$here" "$version" "$bin/pulumi" github.com/pulumi/pulumi/pkg/v3/cmd/pulumi

echo "[3/4] building pulumi-language-python $host_version (the Python language host; why this version: language-host/go.mod)"
build "$here/language-host" "$host_version" "$bin/pulumi-language-python" \
    github.com/pulumi/pulumi/sdk/v3/python/cmd/pulumi-language-python

echo "[4/4] copying the two Python helper scripts out of the sdk/v3 $version module"
sdk=$(cd "$here" && go list -m -f '{{.Dir}}' github.com/pulumi/pulumi/sdk/v3)
install -m 0755 "$sdk/python/cmd/pulumi-language-python-exec" "$bin/"
install -m 0755 "$sdk/python/dist/pulumi-resource-pulumi-python" "$bin/"

have "$bin" || { echo "build.sh: the build finished but $bin/pulumi does not report $version" >&2; exit 1; }
echo "pulumi $version built in $((SECONDS - start)) s: $bin ($(du -sh "$bin" | cut -f1))"
