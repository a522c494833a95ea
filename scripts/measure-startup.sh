#!/usr/bin/env bash
# Start-up benchmark: time from JVM start to the main window shown, for `java -jar target/scalloy.jar`.
# Runs the jar RUNS times (default 10) under a virtual X display (xvfb-run) unless DISPLAY is set,
# with the software pipeline (no GL under Xvfb). The app prints one line when its window is first
# shown (system property scalloy.exitAfterShownMs) and exits; we report each run and the median.
# Needs: target/scalloy.jar (mvn -q -DskipTests package), and xvfb (apt-get install -y xvfb xauth).
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${RUNS:-10}
jar=target/scalloy.jar
[ -f "$jar" ] || { echo "build the jar first: mvn -q -DskipTests package" >&2; exit 2; }

run_once() {
  local cmd=(java -Dprism.order=sw -Dscalloy.exitAfterShownMs=100 -jar "$jar")
  if [ -z "${DISPLAY:-}" ]; then
    xvfb-run -a -s "-screen 0 1400x900x24" "${cmd[@]}" 2>&1 >/dev/null
  else
    "${cmd[@]}" 2>&1 >/dev/null
  fi
}

times=()
for i in $(seq 1 "$runs"); do
  line=$(run_once | grep -m1 'main window shown' || true)
  ms=$(sed -E 's/.*shown ([0-9]+) ms.*/\1/' <<<"$line")
  [ -n "$line" ] || { echo "run $i: no 'main window shown' line" >&2; exit 1; }
  echo "run $i: ${ms} ms"
  times+=("$ms")
done
sorted=$(printf '%s\n' "${times[@]}" | sort -n)
median=$(awk '{a[NR]=$1} END {if (NR%2) print a[(NR+1)/2]; else print (a[NR/2]+a[NR/2+1])/2}' <<<"$sorted")
echo "median: ${median} ms over ${runs} runs (min $(head -n1 <<<"$sorted"), max $(tail -n1 <<<"$sorted"))"
