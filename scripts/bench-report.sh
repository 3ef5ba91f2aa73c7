#!/usr/bin/env bash
# The benchmark report (issue #19 point 5): runs every benchmark of bench/ several times and writes
# docs/benchmarks.md with each figure of docs/design.md §10 that a benchmark measures (the FIGURE lines
# of bench/BenchFigure.h): its target, the median of the runs, min–max, met or not; the machine it ran
# on and how each figure is measured; the §10 figures no benchmark measured; the runs that failed.
#
#   scripts/bench-report.sh [--build-dir DIR] [--runs N] [--out FILE] [--quick] [--only NAMES]
#                           [--timeout SECONDS]
#
#   --build-dir DIR  use this existing build (its bench/bench_* executables) instead of configuring and
#                    building the `bench` target of the release preset (build/release)
#   --runs N         run each benchmark N times, one run after another (default 3); the report gives
#                    the median of the N runs of every figure
#   --out FILE       the report (default docs/benchmarks.md)
#   --quick          smaller sizes and fewer repetitions inside each benchmark: a smoke run of the
#                    script and the benchmarks, not figures to quote
#   --only NAMES     only these benchmarks (comma-separated, e.g. bench_http,bench_sync)
#   --timeout S      a run still going after S seconds is killed and reported (default 7200; quick 1800)
#
# Every bench_* executable in DIR/bench runs: those of the table below with its arguments, any other
# (a new benchmark) without arguments. Each run's whole output goes to DIR/bench-logs/<bench>-<run>.log.
# A failed run (exit status, signal or timeout) is reported in the file, and the script then exits 1.
# Without BAOSONG_TEST_PG the throwaway PostgreSQL cluster is started first (scripts/pg-test-cluster.sh,
# 127.0.0.1 only). Needs bash, awk, curl and /usr/bin/time (bench_transfers), nginx (bench_scaleout).
set -uo pipefail

SOURCE=$(cd "$(dirname "$0")/.." && pwd)
cd "$SOURCE" || exit 1

BUILD_DIR=""
RUNS=3
OUT="docs/benchmarks.md"
QUICK=0
ONLY=""
TIMEOUT=""

usage() {
    sed -n '/^#   scripts/,/^# Every/p' "$0" | sed '$d; s/^# \{0,1\}//' >&2
    exit 2
}
while (($#)); do
    case "$1" in
    --build-dir) BUILD_DIR=${2:?--build-dir needs a folder}; shift 2 ;;
    --runs) RUNS=${2:?--runs needs a number}; shift 2 ;;
    --out) OUT=${2:?--out needs a file}; shift 2 ;;
    --quick) QUICK=1; shift ;;
    --only) ONLY=${2:?--only needs names}; shift 2 ;;
    --timeout) TIMEOUT=${2:?--timeout needs seconds}; shift 2 ;;
    -h | --help) usage ;;
    *) echo "bench-report: unknown argument $1" >&2; usage ;;
    esac
done
[[ "$RUNS" =~ ^[1-9][0-9]*$ ]] || { echo "bench-report: --runs wants a positive number" >&2; exit 2; }
[[ -z "$TIMEOUT" ]] && TIMEOUT=$((QUICK ? 1800 : 7200))
[[ "$TIMEOUT" =~ ^[1-9][0-9]*$ ]] || { echo "bench-report: --timeout wants seconds" >&2; exit 2; }

say() { echo "bench-report: $*" >&2; }

# ---- the benchmarks: name | arguments | arguments with --quick | how it measures ----------------------
# One line per run of a program (bench_server runs twice: its API figures, then `site`). The method is
# said in a sentence or two, from the program's header comment; keep them in step. Without one, the
# first paragraph of the header comment of bench/<program>.cpp is quoted.
BENCHES=$(
    cat <<'EOF'
bench_contentscan||10|ContentScanner::scanText of a 20,000-character item (sample bureau text with something to find planted every 667 characters) against generated lists of 1,000 sensitive and 1,000 misused words, the automaton built beforehand; the median of 50 timed scans (10 with --quick).
bench_http|||The in-process HTTPS layer (server/HttpServer) answering a small JSON body, 64 keep-alive QSslSocket clients on one thread for 5 s after a 1 s warm-up; requests/s and latency percentiles over every request of those 5 s. No API and no token: the layer's own ceiling, below the authenticated figures of bench_server.
bench_server|||A real in-process baosong-server (SQLite with WAL and synchronous=FULL in TMPDIR, the demo organization, a certificate made for the run) and event-driven keep-alive QSslSocket clients: GET /api/v1/me with a Bearer token from 64 clients for about 5 s; create-and-submit through POST /api/v1/actions by one client and by 4; 1 MiB attachments one after another; GET /api/v1/queue with 100 items in review, 200 times.
bench_server site|site 1000 100000|site 1000|The public site at scale: for each size a fresh store seeded with that many published items and republished; then 300 items taken up their route and approved at the last stage one after another over HTTPS (publications/s; a thread polls until each page is live); the site search (1–6 characters, hits and none); /me with 64 clients and the queue of 100 with every item in the store.
bench_scaleout||100|The real baosong-server in child processes, each setup on a fresh store: SQLite with one server (the reference, same run), PostgreSQL (the test cluster, fsync off) with one server direct, one behind nginx and two behind nginx sharing the database; create-and-submit by one client (400 items, 100 with --quick) and by 4, the queue of 100; CPU per item of the servers, the database and nginx from /proc, and the time the store's writers' lock was held (/metrics), from which the rate of N servers on a bigger machine is predicted.
bench_blobs|||BlobStore::importFile of a 500 MB file (hash, copy, fsync, rename): throughput and the growth of the peak resident set (VmHWM before and after); then SHA-256 of 256 MiB in memory, OpenSSL against QCryptographicHash.
bench_store||10000|LocalStore with 100,000 generated items (10,000 with --quick) saved in one transaction and its search index caught up; then, warm, 200 queries per length of 1–6 characters with hits (taken from the items' text) and 200 with none, 100 results at most each; the p99 over all of them and over those of 1–2 characters.
bench_client||10000|Real widgets (MainWindow on the offscreen platform) over a profile of 100,000 items (10,000 with --quick), search index settled: the profile and the queue "Waiting for me" opened to its first painted rows; 40 queries of 2–6 Chinese characters typed one character at a time (filter, fetch and paint timed per keystroke); the process's RSS afterwards.
bench_sync||2 5 2000|The real baosong-server in a child process (SQLite in TMPDIR) seeded with 10,000 items of about 1,000 Chinese characters (2,000 with --quick); the client's SyncEngine and LocalStore (WAL, synchronous=FULL) sync them into a new, empty store 5 times (2), then 20 syncs with nothing new (5); the medians of each.
bench_transfers||1 100|The real baosong-server in a child process; each run uploads a 500 MB attachment (100 MB, one run, with --quick) with Baosong's Transfers and then with one curl process sending the same tus PATCHes of 4 MiB chunks on one connection, and downloads it both ways; the ratio is of the two medians of the same run. Memory: the peak RSS growth (VmHWM reset before each transfer) of the client and of the server.
EOF
)

# ---- the figures of docs/design.md §10: which FIGURE lines measure each --------------------------------
# figure @ bench (regular expression) @ op @ target (empty: any) @ key or description (regular
# expression over "key what", lower case; empty: any). A §10 figure no FIGURE line matches is listed
# as not measured.
SECTION10=$(
    cat <<'EOF'
queue view with 100,000 items: open to first paint ≤ 150 ms@^bench_client$@<=@150@first|paint|rows
search as you type over 100,000 items, 1–6 characters, hits or none: ≤ 30 ms p99 per keystroke@^bench_(store|client)$@<=@30@search
client memory with 100,000 items ≤ 200 MB RSS@^bench_client$@<=@200@rss|memory
first sync of 10,000 items into an empty client, loopback HTTPS ≤ 1 s@^bench_sync$@<=@@first
a sync with nothing new ≤ 20 ms@^bench_sync$@<=@@noop|no-op|nothing new
500 MB attachment upload ≥ 80 % of curl's throughput in the same run@^bench_transfers$@>=@@upload.*(curl|pct|%)
500 MB attachment upload: neither side's memory grows by more than 64 MB@^bench_transfers$@<=@64@upload
server, small authenticated requests, 64 keep-alive clients: ≥ 10,000 requests/s@^bench_server(_site)?$@>=@10000@(^|_|/)me(_| |,|$)|authenticated
server, small authenticated requests, 64 keep-alive clients: p99 ≤ 50 ms@^bench_server(_site)?$@<=@50@((^|_|/)me(_| |,|$)|authenticated).*p99
create and submit an item through the API, one client after another ≥ 220/s@^bench_server(_site)?$@>=@220@create|submit
create and submit an item through the API, 4 clients ≥ 490/s@^bench_server(_site)?$@>=@490@create|submit
list 100 waiting items through the API ≤ 10 ms@^bench_server(_site)?$@<=@10@queue|waiting|list
list 100 waiting items through the API ≤ 10 ms with 100,000 items in the store@^bench_server(_site)?$@<=@10@(queue|waiting|list).*(100000|100,000|100k|100_000)|(100000|100,000|100k|100_000).*(queue|waiting|list)
approve at the last stage (publication) through the API ≥ 200/s one client after another@^bench_server(_site)?$@>=@200@approv|publicat|publish
approve at the last stage: the same rate (±30 %) with 1,000 and with 100,000 published items@^bench_server(_site)?$@@@(approv|publicat|publish).*(ratio|±|drift|change|differ|deviation)|(ratio|±|drift|change|differ|deviation).*(approv|publicat|publish)
approve at the last stage: the item page, its column pages, feeds and sitemap live ≤ 2 s after the answer@^bench_server(_site)?$@<=@@live
1 MiB attachments, one after another, through the API ≥ 200 files/s@^bench_server(_site)?$@>=@200@attach|file|blob|upload
search over 100,000 items, 1–2 Chinese characters, including searches with no hit ≤ 30 ms p99@^bench_(server|server_site|store|client)$@<=@30@search.*(1_2|1–2|1-2|short|site)|(1_2|1–2|1-2|short|site).*search
one change-feed page bounded in bytes as well as in items; server memory never grows with a client's page size@.@@@change.?feed|feed_page|page_bytes|page size
EOF
)

# ---- build ---------------------------------------------------------------------------------------------
if [[ -z "$BUILD_DIR" ]]; then
    BUILD_DIR="$SOURCE/build/release"
    say "configuring and building the bench target (release preset)"
    cmake --preset release >&2 || { say "cmake --preset release failed"; exit 1; }
    cmake --build --preset release --target bench >&2 || { say "building the bench target failed"; exit 1; }
else
    [[ -d "$BUILD_DIR/bench" ]] || { say "$BUILD_DIR/bench does not exist (build the bench target first)"; exit 1; }
    BUILD_DIR=$(cd "$BUILD_DIR" && pwd)
fi
BENCH_DIR="$BUILD_DIR/bench"
LOGS="$BUILD_DIR/bench-logs"
mkdir -p "$LOGS"
rm -f "$LOGS"/*.log "$LOGS"/runs.tsv "$LOGS"/figures.tsv

# ---- PostgreSQL (bench_scaleout) -----------------------------------------------------------------------
PG_NOTE="BAOSONG_TEST_PG was set by the caller"
if [[ -z "${BAOSONG_TEST_PG:-}" ]]; then
    if pg_export=$(bash scripts/pg-test-cluster.sh 2>"$LOGS/pg-test-cluster.err") && [[ -n "$pg_export" ]]; then
        eval "$pg_export"
        PG_NOTE="the throwaway cluster of scripts/pg-test-cluster.sh (127.0.0.1)"
    else
        PG_NOTE="not available: scripts/pg-test-cluster.sh failed ($(tail -1 "$LOGS/pg-test-cluster.err"))"
        say "PostgreSQL: $PG_NOTE"
    fi
fi

# ---- what runs -----------------------------------------------------------------------------------------
# PLAN: label, program, arguments, method (separated by US, \x1f: a tab is white space to `read`, and an
# empty field would vanish), in the table's order, then any bench_* the table does not know.
US=$'\x1f'
header_method() {
    local method=""
    [[ -f "$SOURCE/bench/$1.cpp" ]] &&
        method=$(awk '/^\/\/ ?$/ || !/^\/\// { exit } { sub(/^\/\/ ?/, ""); printf "%s%s", sep, $0; sep = " " }' \
            "$SOURCE/bench/$1.cpp")
    echo "${method:-(no header comment in bench/$1.cpp)}"
}
wanted() { [[ -z "$ONLY" || ",$ONLY," == *",$1,"* ]]; }
PLAN=""
declare -A KNOWN=()
while IFS='|' read -r label full quick method; do
    [[ -n "$label" ]] || continue
    program=${label%% *}
    KNOWN[$program]=1
    [[ -x "$BENCH_DIR/$program" ]] || continue
    wanted "$program" || continue
    args=$full
    ((QUICK)) && args=$quick
    [[ -n "$method" ]] || method=$(header_method "$program")
    PLAN+="$label$US$program$US$args$US$method"$'\n'
done <<<"$BENCHES"
MISSING_PROGRAMS=""
while IFS='|' read -r label _; do
    program=${label%% *}
    [[ -n "$program" && ! -x "$BENCH_DIR/$program" ]] && wanted "$program" && MISSING_PROGRAMS+="$program "
done <<<"$BENCHES"
for path in "$BENCH_DIR"/bench_*; do
    program=$(basename "$path")
    [[ -f "$path" && -x "$path" && "$program" != *.* && -z "${KNOWN[$program]:-}" ]] || continue
    wanted "$program" || continue
    PLAN+="$program$US$program$US$US$(header_method "$program")"$'\n'
done
[[ -n "$PLAN" ]] || { say "no benchmark to run in $BENCH_DIR"; exit 1; }

# ---- the machine ---------------------------------------------------------------------------------------
first_line() { "$@" 2>/dev/null | head -1; }
CPU=$(awk -F': *' '/^model name/ { print $2; exit }' /proc/cpuinfo)
MEM=$(awk '/^MemTotal/ { printf "%.1f GiB", $2 / 1048576 }' /proc/meminfo)
KERNEL="$(uname -sr) $(uname -m)"
# shellcheck source=/dev/null
OS=$(. /etc/os-release 2>/dev/null && echo "$PRETTY_NAME")
[[ -r /etc/debian_version ]] && OS+=" (debian_version $(cat /etc/debian_version))"
TMP=${TMPDIR:-/tmp}
TMPFS=$(findmnt -no FSTYPE -T "$TMP" 2>/dev/null || stat -f -c %T "$TMP")
QT=$(first_line qtpaths6 --qt-version || true)
QT_PKG=$(dpkg-query -W -f='${Version}' libqt6core6 2>/dev/null || true)
SQLITE=$(dpkg-query -W -f='${Version}' libsqlite3-0 2>/dev/null || true)
PG_VERSION=""
if [[ -n "${BAOSONG_TEST_PG:-}" ]] && command -v psql >/dev/null; then
    PG_VERSION=$(psql "$BAOSONG_TEST_PG" -XtAc 'SHOW server_version' 2>/dev/null | head -1)
    [[ -n "$PG_VERSION" ]] && PG_VERSION="server $PG_VERSION"
fi
if [[ -z "$PG_VERSION" ]]; then
    for p in /usr/lib/postgresql/*/bin/postgres; do [[ -x "$p" ]] && PG_VERSION=$("$p" --version); done
fi
CACHE="$BUILD_DIR/CMakeCache.txt"
BUILD_TYPE=$(sed -n 's/^CMAKE_BUILD_TYPE:[A-Z]*=//p' "$CACHE" 2>/dev/null)
CXX=$(sed -n 's/^CMAKE_CXX_COMPILER:[A-Z]*=//p' "$CACHE" 2>/dev/null)
CXX_VERSION=$([[ -n "$CXX" ]] && first_line "$CXX" --version)
COMMIT=$(git rev-parse --short=12 HEAD 2>/dev/null || echo unknown)
[[ -n $(git status --porcelain --untracked-files=no 2>/dev/null) ]] && COMMIT+=" (with uncommitted changes)"
COMMIT_SUBJECT=$(git log -1 --format=%s 2>/dev/null)
((${#COMMIT_SUBJECT} > 80)) && COMMIT_SUBJECT="${COMMIT_SUBJECT:0:79}…"
STARTED=$(date -u '+%Y-%m-%d %H:%M UTC')
LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)

# ---- run -----------------------------------------------------------------------------------------------
FAILED=0
printf 'label\trun\tstatus\tseconds\tlog\n' >"$LOGS/runs.tsv"
: >"$LOGS/figures.tsv"
while IFS=$US read -r label program args method; do
    [[ -n "$label" ]] || continue
    for ((run = 1; run <= RUNS; ++run)); do
        log="$LOGS/${label// /-}-$run.log"
        say "$program${args:+ $args}: run $run of $RUNS → $log"
        start=$(date +%s)
        # shellcheck disable=SC2086 # the arguments are words
        (cd "$BENCH_DIR" && timeout --kill-after=30 "$TIMEOUT" "./$program" $args) >"$log" 2>&1 </dev/null
        status=$?
        seconds=$(($(date +%s) - start))
        if ((status != 0)); then
            FAILED=1
            say "$label run $run failed (exit status $status); see $log"
        fi
        printf '%s\t%s\t%s\t%s\t%s\n' "$label" "$run" "$status" "$seconds" "$log" >>"$LOGS/runs.tsv"
        # label, run, then the FIGURE line's bench, key, what, value, unit, op, target (a failed run's
        # figures are left out: it is reported instead)
        ((status == 0)) && awk -F'\t' -v OFS='\t' -v label="$label" -v run="$run" \
            '$1 == "FIGURE" && NF >= 8 { $1 = label OFS run; print }' "$log" >>"$LOGS/figures.tsv"
    done
done <<<"$PLAN"
LOAD_AFTER=$(cut -d' ' -f1-3 /proc/loadavg)
FINISHED=$(date -u '+%Y-%m-%d %H:%M UTC')

# ---- the report ----------------------------------------------------------------------------------------
rel() { [[ "$1" == "$SOURCE/"* ]] && echo "${1#"$SOURCE"/}" || echo "$1"; }
# The figures of one label as a Markdown table (median, min–max of the runs; met or not by the median).
figures_table() {
    awk -F'\t' -v label="$1" -v runs="$RUNS" -v vfile="$VERDICTS" '
        function num(x) {
            if (x == int(x)) return sprintf("%d", x)
            a = x < 0 ? -x : x
            if (a >= 1000) return sprintf("%.0f", x)
            if (a >= 100) return sprintf("%.1f", x)
            if (a >= 10) return sprintf("%.2f", x)
            return sprintf("%.3g", x)
        }
        function sym(op) { return op == ">=" ? "≥" : op == "<=" ? "≤" : op }
        function cell(s) { gsub(/\|/, "\\|", s); return s }
        $1 != label { next }
        {
            # A key printed twice in one run (e.g. once per size) is kept apart: key, key#2, ...
            k = $4; seen[$2 SUBSEP k]++
            if (seen[$2 SUBSEP k] > 1) k = k "#" seen[$2 SUBSEP k]
            if (!(k in n)) { order[++keys] = k; n[k] = 0 }
            v[k, ++n[k]] = $6 + 0
            what[k] = $5; unit[k] = $7; op[k] = $8; target[k] = $9; bench[k] = $3
        }
        END {
            if (!keys) { print "No FIGURE line in any run."; exit }
            print "| figure | key | target | median | min–max | runs | |"
            print "| --- | --- | --- | ---: | --- | ---: | --- |"
            for (i = 1; i <= keys; ++i) {
                k = order[i]; m = n[k]
                for (a = 1; a <= m; ++a) s[a] = v[k, a]
                for (a = 2; a <= m; ++a) { x = s[a]; for (b = a - 1; b >= 1 && s[b] > x; --b) s[b + 1] = s[b]; s[b + 1] = x }
                med = m % 2 ? s[(m + 1) / 2] : (s[m / 2] + s[m / 2 + 1]) / 2
                met = op[k] == ">=" ? med >= target[k] : op[k] == "<=" ? med <= target[k] : -1
                verdict = met == 1 ? "met" : met == 0 ? "**not met**" : "?"
                range = m > 1 ? num(s[1]) "–" num(s[m]) : "–"
                printf "| %s | `%s` | %s %s %s | %s %s | %s | %d of %d | %s |\n", cell(what[k]), k,
                       sym(op[k]), num(target[k] + 0), cell(unit[k]), num(med), cell(unit[k]), range, m, runs, verdict
                print bench[k] "\t" k "\t" what[k] "\t" op[k] "\t" target[k] "\t" verdict >> vfile
            }
        }' "$LOGS/figures.tsv"
}

OUT_TMP=$(mktemp)
VERDICTS=$(mktemp)
{
    echo "# Benchmarks"
    echo
    if ((QUICK)); then
        echo "**A quick run (\`--quick\`): smaller sizes and fewer repetitions than docs/design.md §10 names."
        echo "These figures check that the benchmarks and the report work; they are not figures to quote.**"
        echo
    fi
    echo "Written by \`scripts/bench-report.sh$( ((QUICK)) && echo ' --quick') --runs $RUNS\` from $STARTED to"
    echo "$FINISHED, at commit \`$COMMIT\` ($COMMIT_SUBJECT). The targets are those of"
    echo "[docs/design.md §10](design.md#10-performance-targets); absolute figures are true only of the"
    echo "machine below."
    echo
    echo "## The machine"
    echo
    echo "| | |"
    echo "| --- | --- |"
    echo "| CPU | $CPU |"
    echo "| cores (nproc) | $(nproc) |"
    echo "| memory | $MEM |"
    echo "| kernel | $KERNEL |"
    echo "| system | $OS |"
    echo "| TMPDIR | \`$TMP\` on $TMPFS$([[ "$TMPFS" == tmpfs ]] && echo ' (in memory: fsync costs nothing, write figures flatter)') |"
    echo "| Qt | ${QT:-?} (libqt6core6 $QT_PKG) |"
    echo "| SQLite | ${SQLITE:-?} (libsqlite3-0, used by Qt's driver) |"
    echo "| PostgreSQL | ${PG_VERSION:-?}; $PG_NOTE |"
    echo "| build | \`$(rel "$BUILD_DIR")\`, ${BUILD_TYPE:-?}, ${CXX_VERSION:-?} |"
    echo "| load average (1, 5, 15 min) | $LOAD_BEFORE before the first run, $LOAD_AFTER after the last |"
    echo
    echo "## How it was measured"
    echo
    echo "Each benchmark ran $RUNS time(s), one run after another, each run a new process; the table of a"
    echo "benchmark gives for each figure the **median of the runs** (and their least and greatest), and"
    echo "*met* when that median is on the right side of the target (the figures of a failed run are"
    echo "left out; the run is reported under its benchmark). A figure is itself what the"
    echo "benchmark's run measured, often a median or a percentile of many repetitions (below). Where"
    echo "§10's target is relative to a reference (curl's upload throughput), the reference is measured"
    echo "by the same run of the benchmark, on the same server, and the figure is the ratio. The benchmarks"
    echo "print figures and assert nothing; each run's whole output is in \`$(rel "$LOGS")/\`."
    echo
    while IFS=$US read -r label program args method; do
        [[ -n "$label" ]] || continue
        echo "- **$label**: $method"
    done <<<"$PLAN"
    echo
    echo "## Figures"
    while IFS=$US read -r label program args method; do
        [[ -n "$label" ]] || continue
        echo
        echo "### $label"
        echo
        durations=$(awk -F'\t' -v l="$label" '$1 == l { printf "%s%s s", sep, $4; sep = ", " }' "$LOGS/runs.tsv")
        echo "\`$program${args:+ $args}\`, $RUNS run(s) taking $durations."
        echo
        figures_table "$label"
        failures=$(awk -F'\t' -v l="$label" '$1 == l && $3 != 0' "$LOGS/runs.tsv")
        if [[ -n "$failures" ]]; then
            while IFS=$'\t' read -r _ run status seconds log; do
                what="exit status $status"
                ((status == 124 || status == 137)) && what="killed after the timeout of $TIMEOUT s (status $status)"
                ((status > 128 && status != 137)) && what="killed by signal $((status - 128))"
                echo
                echo "**Run $run failed**: $what after $seconds s; log \`$(rel "$log")\`, its last lines:"
                echo
                echo '```'
                if [[ -s "$log" ]]; then tail -n 8 "$log" | cut -c1-200; else echo "(no output)"; fi
                echo '```'
            done <<<"$failures"
        fi
    done <<<"$PLAN"
    if [[ -n "$MISSING_PROGRAMS" ]]; then
        echo
        echo "Not built, so not run: $MISSING_PROGRAMS(no executable in \`$(rel "$BENCH_DIR")\`)."
    fi
    echo
    echo "## §10 figures not measured"
    echo
    echo "No FIGURE line of this run measures these figures of docs/design.md §10:"
    echo
    printf '%s\n' "$SECTION10" | awk -F'@' -v verdicts="$VERDICTS" '
        BEGIN {
            while ((getline line < verdicts) > 0) {
                split(line, f, "\t"); ++nv
                vb[nv] = f[1]; vtext[nv] = tolower(f[2] " " f[3]); vop[nv] = f[4]; vt[nv] = f[5]
            }
        }
        NF >= 4 {
            re = $5
            found = 0
            for (j = 1; j <= nv && !found; ++j)
                found = vb[j] ~ $2 && ($3 == "" || vop[j] == $3) && ($4 == "" || vt[j] + 0 == $4 + 0) &&
                        (re == "" || vtext[j] ~ re)
            if (!found) { print "- " $1; ++missing }
        }
        END { if (!missing) print "- none" }'
} >"$OUT_TMP"

# A summary line under the title: how many figures met their targets.
SUMMARY=$(awk -F'\t' '{ ++n; if ($6 == "met") ++met; else if ($6 ~ /not met/) ++notmet }
    END { printf "%d figures: %d met, %d not met", n, met, notmet }' "$VERDICTS")
FAILED_RUNS=$(awk -F'\t' 'NR > 1 && $3 != 0' "$LOGS/runs.tsv" | wc -l)
SUMMARY+="; $FAILED_RUNS failed run(s)."
mkdir -p "$(dirname "$OUT")"
awk -v summary="$SUMMARY" 'NR == 2 { print; print "**" summary "**"; print; next } { print }' "$OUT_TMP" >"$OUT"
rm -f "$OUT_TMP" "$VERDICTS"
say "wrote $OUT ($SUMMARY)"
exit $FAILED
