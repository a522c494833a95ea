#!/usr/bin/env bash
# Screenshots of every screen of the workbench at the sizes a plant's screens have, to look at before a
# release: each size is its own virtual X display (Xvfb, a real GTK window, not Monocle), the window
# sized to the whole display, an example recipe open, and each screen chosen with its shortcut
# (Ctrl+1 … Ctrl+7) in turn, in English and in French.
#
#   scripts/screenshots.sh [OUT_DIR] [WIDTHxHEIGHT ...]     (default: /tmp/scalloy-shots 1280x800 1920x1080)
#
# Writes OUT_DIR/<size>-<lang>-<n>-<screen>.png. A fresh home folder each run (its own database, no
# welcome). Needs: mvn -q -DskipTests package, and xvfb, xauth, xdotool, imagemagick and GTK 3 for JavaFX's
# windows (apt-get install -y xvfb xauth xdotool imagemagick libgtk-3-0).
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:-/tmp/scalloy-shots}
shift || true
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(1280x800 1920x1080)
[ -f target/scalloy.jar ] || { echo "build the jar first: mvn -q -DskipTests package" >&2; exit 2; }
for tool in xvfb-run xdotool import; do
  command -v "$tool" >/dev/null || { echo "missing $tool: apt-get install -y xvfb xauth xdotool imagemagick" >&2; exit 2; }
done
mkdir -p "$out"
recipe=${RECIPE:-recipes/scalmalloy-type.json}
screens=(batch properties library lots specifications recipes heats)

shoot() { # size lang
  local size=$1 lang=$2 width=${1%x*} height=${1#*x}
  local home
  home=$(mktemp -d)
  # A settings file that says the welcome was shown: the screens, not the welcome, are what is looked at.
  mkdir -p "$home/.scalloy"
  SIZE=$size LANG_TAG=$lang HOME_DIR=$home OUT=$out RECIPE=$recipe SCREENS="${screens[*]}" \
    xvfb-run -a -s "-screen 0 ${width}x${height}x24" bash -c '
      set -euo pipefail
      java -Duser.home="$HOME_DIR" -Duser.language="$LANG_TAG" -Dprism.order=sw -Dscalloy.open="$RECIPE" \
        -jar target/scalloy.jar >"$HOME_DIR/out.log" 2>&1 &
      app=$!
      wid=$(timeout 60 xdotool search --sync --onlyvisible --name "Scalloy" | head -1) || true
      if [ -z "$wid" ]; then
        # e.g. "Unable to load glass GTK library" on a machine without libgtk-3-0: said, not a silent stop
        echo "the workbench opened no window within a minute ($SIZE, $LANG_TAG); its log:" >&2
        tail -n 20 "$HOME_DIR/out.log" "$HOME_DIR"/.scalloy/logs/*.log >&2 2>/dev/null || true
        kill "$app" 2>/dev/null || true
        exit 1
      fi
      sleep 8
      # the first start shows the welcome over the window: closed with Escape
      xdotool key --window "$wid" Escape || true
      sleep 1
      xdotool windowmove "$wid" 0 0 windowsize "$wid" "${SIZE%x*}" "${SIZE#*x}"
      # keys go to the window once it has drawn (white until then on a busy machine), up to a minute
      for try in $(seq 30); do
        sleep 2
        import -window root "$HOME_DIR/first.png"
        [ "$(convert "$HOME_DIR/first.png" -format "%[fx:mean>0.995]" info:)" = 1 ] || break
      done
      sleep 2
      n=1
      for s in $SCREENS; do
        xdotool windowactivate --sync "$wid" 2>/dev/null || xdotool windowfocus "$wid" || true
        xdotool key --window "$wid" "ctrl+$n"
        # a screen still being drawn (a busy machine) shows white: looked at again, up to 10 times
        for try in 1 2 3 4 5 6 7 8 9 10; do
          sleep 3
          import -window root "$OUT/$SIZE-$LANG_TAG-$n-$s.png"
          [ "$(convert "$OUT/$SIZE-$LANG_TAG-$n-$s.png" -format "%[fx:mean>0.995]" info:)" = 1 ] || break
        done
        n=$((n + 1))
      done
      kill "$app" 2>/dev/null || true
      wait "$app" 2>/dev/null || true
    ' || { rm -rf "$home"; exit 1; }
  rm -rf "$home"
}

for size in "${sizes[@]}"; do
  for lang in en fr; do
    shoot "$size" "$lang"
  done
done
ls "$out"
