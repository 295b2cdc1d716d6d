#!/usr/bin/env bash
# Generates every sound of sounds.txt in Chinese and English with espeak-ng and sox, as Asterisk plays them:
# TARGET/sounds/{zh,en}/<name>.wav, 8 kHz mono 16-bit PCM. The texts come from the flows' prompts (../flows/*.json)
# and from extra.json. Synthetic voices to start with: replace.sh swaps in a recorded voice file by file.
#
#   generate.sh TARGET        e.g. generate.sh /tmp/hotline-sounds, then copy TARGET/sounds/. to Asterisk's sounds
#
# Needs espeak-ng (voices cmn and en), sox and jq (Debian: apt-get install espeak-ng sox jq).
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
target="${1:?usage: $0 TARGET_DIR}"
for tool in espeak-ng sox jq; do
  command -v "$tool" >/dev/null || { echo "$tool is not installed (apt-get install espeak-ng sox jq)" >&2; exit 1; }
done

# sound -> {zh, en}; a sound two files describe differently is a mistake worth stopping for.
texts="$(jq -s '[.[].prompts[]] | group_by(.sound)
  | map({key: .[0].sound, value: (map({zh, en}) | unique)}) | from_entries' "$here"/../flows/*.json "$here/extra.json")"
clash="$(jq -r 'to_entries[] | select(.value | length > 1) | .key' <<<"$texts")"
[[ -z "$clash" ]] || { echo "different texts for the same sound: $clash" >&2; exit 1; }

wav="$(mktemp --suffix=.wav)"
trap 'rm -f "$wav"' EXIT
count=0
while read -r sound; do
  [[ -z "$sound" || "$sound" == \#* ]] && continue
  for lang in zh en; do
    text="$(jq -r --arg s "$sound" --arg l "$lang" '.[$s][0][$l] // empty' <<<"$texts")"
    [[ -n "$text" ]] || { echo "no $lang text for $sound: give it one in a flow's prompts or in extra.json" >&2; exit 1; }
    voice="en"; [[ "$lang" == zh ]] && voice="cmn"
    out="$target/sounds/$lang/$sound.wav"
    mkdir -p "$(dirname "$out")"
    espeak-ng -v "$voice" -s 150 -w "$wav" "$text"
    # 3 dB of headroom: espeak-ng peaks at full scale and the resampler would clip.
    sox -q "$wav" -c 1 -b 16 -e signed-integer "$out" gain -3 rate 8000
    count=$((count + 1))
  done
done < "$here/sounds.txt"
echo "$count sound files in $target/sounds"
