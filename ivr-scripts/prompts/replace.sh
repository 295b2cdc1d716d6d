#!/usr/bin/env bash
# Replaces one generated sound with a recorded voice: converts RECORDING (any format sox reads: wav, mp3, flac...)
# to 8 kHz mono 16-bit PCM and writes it over SOUNDS_DIR/LANG/NAME.wav, where Asterisk plays it from next time.
#
#   replace.sh RECORDING NAME LANG SOUNDS_DIR   e.g. replace.sh main-menu-zh.flac hotline/main-menu zh /var/lib/asterisk/sounds
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
recording="${1:?usage: $0 RECORDING NAME LANG SOUNDS_DIR}"
name="${2:?usage: $0 RECORDING NAME LANG SOUNDS_DIR}"
lang="${3:?usage: $0 RECORDING NAME LANG SOUNDS_DIR}"
sounds="${4:?usage: $0 RECORDING NAME LANG SOUNDS_DIR}"
[[ "$lang" == zh || "$lang" == en ]] || { echo "LANG is zh or en, not $lang" >&2; exit 1; }
grep -qxF "$name" "$here/sounds.txt" || { echo "$name is not in sounds.txt" >&2; exit 1; }
[[ -r "$recording" ]] || { echo "cannot read $recording" >&2; exit 1; }

out="$sounds/$lang/$name.wav"
mkdir -p "$(dirname "$out")"
tmp="$(mktemp --suffix=.wav)"
trap 'rm -f "$tmp"' EXIT
sox -q "$recording" -c 1 -b 16 -e signed-integer "$tmp" gain -n -3 rate 8000
# Another format of the same sound would compete with the recording for Asterisk's choice.
find "$(dirname "$out")" -maxdepth 1 -name "$(basename "$name").*" ! -name "$(basename "$name").wav" -delete
mv "$tmp" "$out"
echo "$out"
