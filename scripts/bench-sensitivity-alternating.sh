#!/usr/bin/env bash
# Issue 14's "sensitivity adds at most 10 % to a solve", measured so that the machine's drift cannot decide it:
# ROUNDS rounds (default 6), each a JMH run of the solve without the sensitivity then one with it
# (ChargeAnalysisBenchmark.solveWithoutSensitivity / solveWithSensitivity, FORKS forks each, default 3, the
# benchmark's own warm-up and measurement). A run's median moves by several percent between runs on a shared
# machine, more than the margin; a round's two runs are minutes apart, so each round's ratio is drift-free to
# that extent. Prints each round's p50 and mean, their ratios, and the median and range of the ratios.
# ChargeAnalysisCpuTime's "paired batches" line (thread CPU time, alternating batches within one JVM) resolves
# finer; BENCHMARKS.md reads the target from it across several JVMs.
# Needs: mvn -o -q -Pbench test-compile. About 2 min per round; measure on an otherwise idle machine.
set -euo pipefail
cd "$(dirname "$0")/.."
rounds=${ROUNDS:-6}
forks=${FORKS:-3}
mvn -o -q -Pbench dependency:build-classpath -Dmdep.outputFile=target/classpath.txt
cp="target/test-classes:target/classes:$(cat target/classpath.txt)"
out=$(mktemp -d)
for round in $(seq 1 "$rounds"); do
  for b in solveWithoutSensitivity solveWithSensitivity; do
    java -cp "$cp" org.openjdk.jmh.Main "ChargeAnalysisBenchmark\.$b\$" -f "$forks" -rf csv -rff "$out/$round-$b.csv" \
      > "$out/$round-$b.log" 2>&1
  done
done
# A CSV row per statistic: "name",mode,threads,samples,score,error,unit (name ends in :p0.50 for the median).
value() { awk -F, -v want="$2" '{gsub(/"/, "", $1)} $1 ~ want"$" {print $5}' "$1"; }
printf '%-5s %12s %12s %8s %12s %12s %8s\n' round 'solve p50' 'with p50' extra 'solve mean' 'with mean' extra
for round in $(seq 1 "$rounds"); do
  a=$out/$round-solveWithoutSensitivity.csv
  b=$out/$round-solveWithSensitivity.csv
  echo "$round $(value "$a" 'solveWithoutSensitivity:p0.50') $(value "$b" 'solveWithSensitivity:p0.50')" \
       "$(value "$a" 'solveWithoutSensitivity') $(value "$b" 'solveWithSensitivity')"
done | awk '{p = 100 * ($3 / $2 - 1); m = 100 * ($5 / $4 - 1); ps[NR] = p; ms[NR] = m
  printf "%-5s %12.3f %12.3f %+7.1f%% %12.3f %12.3f %+7.1f%%\n", $1, $2, $3, p, $4, $5, m}
  function median(a, n,   i, j, t) { for (i = 1; i <= n; i++) for (j = i + 1; j <= n; j++) if (a[j] < a[i]) { t = a[i]; a[i] = a[j]; a[j] = t }
    return n % 2 ? a[(n + 1) / 2] : (a[n / 2] + a[n / 2 + 1]) / 2 }
  END { printf "extra at p50: median %+.1f%% (%+.1f%% to %+.1f%%); at the mean: median %+.1f%% (%+.1f%% to %+.1f%%)\n",
    median(ps, NR), ps[1], ps[NR], median(ms, NR), ms[1], ms[NR] }'
echo "raw output: $out"
