#!/usr/bin/env bash
# The benchmark (docs/PERFORMANCE.md): one run on this machine, every figure side by side, written to
# docs/BENCHMARKS.md and docs/benchmarks.json. Options pass through to the harness; --help lists them.
#   bench/run.sh                    the full run (5M views, 3 runs per figure; about 25 min on 2 cores)
#   bench/run.sh --smoke            seconds: tiny datasets, one run each, into services/bench/target/bench-smoke
set -euo pipefail
cd "$(dirname "$0")/.."

missing=()
for tool in wrk nginx redis-server; do
  command -v "$tool" >/dev/null 2>&1 || [ -x "/usr/sbin/$tool" ] || missing+=("$tool")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "[bench] installing ${missing[*]} from Debian" >&2
  sudo_cmd=""; [ "$(id -u)" -ne 0 ] && sudo_cmd="sudo"
  $sudo_cmd apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq wrk nginx-light redis-server >/dev/null \
    || DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq wrk nginx redis-server >/dev/null
fi
export PATH="$PATH:/usr/sbin"

if [ "${BENCH_SKIP_BUILD:-}" != "1" ]; then
  ./mvnw -B -q package -DskipTests -pl services/bench,services/standalone -am
fi
classpath="services/bench/target/mostread-bench.jar:$(cat services/bench/target/classpath.txt)"

args=("$@")
if [ "${1:-}" = "--smoke" ]; then
  args=(--views 20000 --scale-views 10000 --runs 1 --articles 10000 --scale 1000,10000 --naive-seconds 5
        --redis-seconds 5 --probes 5 --light-rate 200 --wrk-seconds 1 --connections 8 --jmh-warmups 0 --jmh-iterations 1
        --jmh-millis 100 --out services/bench/target/bench-smoke "${@:2}")
fi
exec java -cp "$classpath" dev.mostread.bench.BenchmarkRun --command-line "bench/run.sh $*" "${args[@]}"
