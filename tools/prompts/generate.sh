#!/usr/bin/env bash
# Generates Switchboard's prompt set from tools/prompts/manifest.txt with espeak-ng and sox:
#   dialplans/prompts/<lang>/<name>.wav   8 kHz mono 16-bit PCM, leading/trailing silence trimmed, normalised
#   dialplans/prompts/music_on_hold.wav   an original melody synthesised with sox (loopable, language independent)
# Usage: tools/prompts/generate.sh [name ...]   (no names: everything)
# Names listed in tools/prompts/recorded.txt ("<lang>/<name>" per line) are real recordings: never overwritten.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
manifest="$root/tools/prompts/manifest.txt"
recorded="$root/tools/prompts/recorded.txt"
out="$root/dialplans/prompts"

"$root/eng/install-deps.sh" prompts

speed=150            # words per minute; a little slower than espeak's default is clearer on a phone line
peak_db=-3           # normalise to -3 dBFS peak: headroom for G.711
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

wanted() { # wanted <name>: true when no names were given or <name> is one of them
  [ ${#only[@]} -eq 0 ] && return 0
  local n; for n in "${only[@]}"; do [ "$n" = "$1" ] && return 0; done; return 1
}
is_recorded() { [ -f "$recorded" ] && grep -qxF "$1" "$recorded"; }
voice_of() { case "$1" in sv) echo sv ;; en) echo en-gb ;; *) echo "unknown language '$1'" >&2; exit 1 ;; esac; }

# speak <lang> <text> <out.wav>: text may switch voice with [sv] / [en]; segments are spoken and joined.
speak() {
  local lang="$1" rest="$2" dest="$3" voice seg i=0
  voice="$(voice_of "$lang")"
  local parts=()
  while [ -n "$rest" ]; do
    if [[ "$rest" =~ ^\[([a-z][a-z])\][[:space:]]*(.*)$ ]]; then
      voice="$(voice_of "${BASH_REMATCH[1]}")"; rest="${BASH_REMATCH[2]}"; continue
    fi
    seg="${rest%%\[*}"; rest="${rest:${#seg}}"
    [[ "$seg" =~ [^[:space:]] ]] || continue
    espeak-ng -v "$voice" -s "$speed" -w "$work/seg$i.wav" -- "$seg"
    parts+=("$work/seg$i.wav"); i=$((i + 1))
  done
  if [ ${#parts[@]} -eq 1 ]; then cp "${parts[0]}" "$work/raw.wav"; else sox "${parts[@]}" "$work/raw.wav"; fi
  # Trim silence at both ends (reverse trick), resample with sox's high-quality low-pass, normalise, then
  # a short fixed lead-in/out so consecutive prompts in a playlist do not run together. -D: no dither, reproducible.
  sox -D "$work/raw.wav" -r 8000 -c 1 -b 16 -e signed-integer "$dest" \
    silence 1 0.02 0.5% reverse silence 1 0.02 0.5% reverse \
    gain -3 rate -v 8000 norm "$peak_db" pad 0.05 0.10
}

# Semitones from A4 for a note like C5, F#4, Bb3 (sox synth takes "%<semitones>").
semis() {
  local n="$1" base acc=0 oct
  case "${n:0:1}" in C) base=-9 ;; D) base=-7 ;; E) base=-5 ;; F) base=-4 ;; G) base=-2 ;; A) base=0 ;; B) base=2 ;; esac
  case "${n:1:1}" in '#') acc=1 ;; b) acc=-1 ;; esac
  oct="${n: -1}"
  echo $((base + acc + 12 * (oct - 4)))
}

# music_on_hold: our own tune, 12 bars in C major (C Am F G three times) at 120 bpm = 24 s.
# A plucked melody over a soft sine pad; the last bar (G) resolves into the first (C), so it loops.
music() {
  local dest="$1" beat=0.5 i=0 note len
  local melody=(
    E4:1 G4:1 C5:1 B4:1   A4:2 E4:2       F4:1 A4:1 C5:1 D5:1   B4:2 G4:2
    G4:1 C5:1 E5:1 D5:1   C5:2 A4:2       A4:1 C5:1 F5:1 E5:1   D5:3 B4:1
    E5:1 D5:1 C5:1 G4:1   A4:1 C5:1 E5:2  F5:1 E5:1 D5:1 C5:1   B4:1 D5:1 G4:2
  )
  local chords=("C3 E3 G3" "A2 C3 E3" "F2 A2 C3" "G2 B2 D3")
  local mparts=() pparts=()
  for note in "${melody[@]}"; do
    len="$(awk -v b="${note#*:}" -v s="$beat" 'BEGIN { print b * s }')"
    sox -D -n -r 8000 -c 1 -b 16 "$work/m$i.wav" synth "$len" pluck "%$(semis "${note%:*}")" gain -9 fade q 0.01 "$len" 0.08
    mparts+=("$work/m$i.wav"); i=$((i + 1))
  done
  local bar c tone t
  for bar in $(seq 0 11); do
    c="${chords[$((bar % 4))]}"; t=0
    local tones=()
    for tone in $c; do
      sox -D -n -r 8000 -c 1 -b 16 "$work/p${bar}_$t.wav" synth 2 sine "%$(semis "$tone")" gain -22 fade h 0.25 2 0.35
      tones+=("$work/p${bar}_$t.wav"); t=$((t + 1))
    done
    sox -D -m "${tones[@]}" "$work/p$bar.wav"
    pparts+=("$work/p$bar.wav")
  done
  sox -D "${mparts[@]}" "$work/melody.wav"
  sox -D "${pparts[@]}" "$work/pad.wav"
  # Short fades at the ends keep the loop point free of clicks.
  sox -D -m "$work/melody.wav" "$work/pad.wav" -r 8000 -c 1 -b 16 -e signed-integer "$dest" \
    norm -6 fade q 0.02 24 0.3
}

only=("$@")
mkdir -p "$out/sv" "$out/en"
count=0
while IFS='|' read -r lang name text; do
  [[ -z "$lang" || "$lang" == \#* ]] && continue
  wanted "$name" || continue
  if is_recorded "$lang/$name"; then echo "keep recorded $lang/$name" >&2; continue; fi
  speak "$lang" "$text" "$out/$lang/$name.wav"
  count=$((count + 1))
done < "$manifest"

if wanted music_on_hold && ! is_recorded music_on_hold; then
  music "$out/music_on_hold.wav"; count=$((count + 1))
fi
echo "generated $count prompt files in $out" >&2
