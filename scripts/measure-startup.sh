#!/usr/bin/env bash
# Start-up benchmark: time from JVM start to the main window shown, for the workbench and, alternating
# with it in the same run, for a bare JavaFX window (src/test/java/ca/scalloy/bench/BareWindow.java: one
# label in a 1400×900 scene, the same JavaFX, timed the same way). Each prints one "... shown N ms" line
# (from the runtime MX bean's start time) and exits 100 ms later (scalloy.exitAfterShownMs).
#
# The workbench measured is, in this order: $SCALLOY_CMD if set; else the installed launcher
# /opt/scalloy/bin/scalloy (options through JDK_JAVA_OPTIONS, as the launcher reads them); else
# `java -jar target/scalloy.jar`. The bare window runs on the system `java` with the JavaFX jars of the
# build on the class path.
#
# Both run under one virtual X display (Xvfb, a real GTK window; not Monocle) unless DISPLAY is set,
# with the software pipeline (no GL under Xvfb). RUNS pairs (default 6), bare first in odd pairs and
# Scalloy first in even ones; prints each run, the medians and their ratio.
# Needs: mvn -q -DskipTests package (or the installer installed) and mvn -q test-compile, and xvfb
# (apt-get install -y xvfb xauth). Measure on an idle machine: start-up is CPU-bound.
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${RUNS:-6}
options=(-Dprism.order=sw -Dscalloy.exitAfterShownMs=100)

[ -f target/test-classes/ca/scalloy/bench/BareWindow.class ] || { echo "compile the tests first: mvn -q test-compile" >&2; exit 2; }
fx_version=$(sed -n 's:.*<javafx.version>\(.*\)</javafx.version>.*:\1:p' pom.xml)
fx_cp=""
for module in base graphics controls; do
  for jar in ~/.m2/repository/org/openjfx/javafx-$module/"$fx_version"/javafx-$module-"$fx_version"{,-linux}.jar; do
    [ -f "$jar" ] || { echo "missing $jar: run mvn -q test-compile" >&2; exit 2; }
    fx_cp="$fx_cp:$jar"
  done
done
bare_cmd=(java "${options[@]}" -cp "target/test-classes$fx_cp" ca.scalloy.bench.BareWindow)

if [ -n "${SCALLOY_CMD:-}" ]; then
  read -r -a scalloy_cmd <<<"$SCALLOY_CMD"
  scalloy_env=(env "JDK_JAVA_OPTIONS=${options[*]}")
  what="$SCALLOY_CMD"
elif [ -x /opt/scalloy/bin/scalloy ]; then
  scalloy_cmd=(/opt/scalloy/bin/scalloy)
  scalloy_env=(env "JDK_JAVA_OPTIONS=${options[*]}")
  what="/opt/scalloy/bin/scalloy (installed)"
else
  [ -f target/scalloy.jar ] || { echo "build the jar first: mvn -q -DskipTests package" >&2; exit 2; }
  scalloy_cmd=(java "${options[@]}" -jar target/scalloy.jar)
  scalloy_env=(env)
  what="java -jar target/scalloy.jar"
fi

xvfb_pid=""
if [ -z "${DISPLAY:-}" ]; then
  command -v Xvfb >/dev/null || { echo "no DISPLAY and no Xvfb: apt-get install -y xvfb xauth" >&2; exit 2; }
  display=:$(( 90 + RANDOM % 100 ))
  Xvfb "$display" -screen 0 1400x900x24 -nolisten tcp >/dev/null 2>&1 &
  xvfb_pid=$!
  trap 'kill "$xvfb_pid" 2>/dev/null || true' EXIT
  export DISPLAY=$display
  for _ in $(seq 1 50); do xdpyinfo >/dev/null 2>&1 && break; [ -e "/tmp/.X11-unix/X${display#:}" ] && break; sleep 0.1; done
fi

# One timed start: prints the milliseconds of each pattern's line the program writes, or fails.
time_one() {
  local patterns=$1; shift
  local out line p
  out=$("$@" 2>&1 >/dev/null || true)
  IFS='|' read -r -a wanted <<<"$patterns"
  for p in "${wanted[@]}"; do
    line=$(grep -m1 "$p" <<<"$out" || true)
    [ -n "$line" ] || { echo "no '$p' line from: $*" >&2; return 1; }
    printf '%s ' "$(sed -E 's/.*shown ([0-9]+) ms.*/\1/' <<<"$line")"
  done
}

median() {
  printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {if (NR%2) print a[(NR+1)/2]; else print (a[NR/2]+a[NR/2+1])/2}'
}

# Scalloy prints two lines: its window shown (menus, navigation, status bar), then its first screen laid out in it.
scalloy_lines='main window shown|start screen shown'
bare=()
scalloy=()
screen=()
for i in $(seq 1 "$runs"); do
  if (( i % 2 )); then
    b=$(time_one 'bare window shown' "${bare_cmd[@]}")
    read -r s f <<<"$(time_one "$scalloy_lines" "${scalloy_env[@]}" "${scalloy_cmd[@]}")"
  else
    read -r s f <<<"$(time_one "$scalloy_lines" "${scalloy_env[@]}" "${scalloy_cmd[@]}")"
    b=$(time_one 'bare window shown' "${bare_cmd[@]}")
  fi
  b=${b% }
  echo "pair $i: bare ${b} ms, scalloy window ${s} ms, scalloy start screen ${f} ms"
  bare+=("$b")
  scalloy+=("$s")
  screen+=("$f")
done
mb=$(median "${bare[@]}")
ms=$(median "${scalloy[@]}")
mf=$(median "${screen[@]}")
ratio() { awk -v s="$1" -v b="$2" 'BEGIN {printf "%.2f", s / b}'; }
echo "scalloy: $what"
echo "medians over ${runs} alternating pairs: bare ${mb} ms; scalloy window ${ms} ms (ratio $(ratio "$ms" "$mb")), start screen ${mf} ms (ratio $(ratio "$mf" "$mb"))"
