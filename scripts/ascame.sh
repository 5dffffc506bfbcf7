#!/usr/bin/env bash
# The out-of-sample check of the engine's rules: scripts/ascame.sh DATASET_DIR...
#
# A dev set is tuned on after it lands, so its figures at HEAD are tuning figures.
# The set's figures as it came (measured by the engine of the commit that added its
# labels, before any rule was written from it) are the fair estimate of how the
# engine meets a new writer. This prints both, side by side, per dataset:
#
#   scripts/ascame.sh evals/testdata/dev20 evals/testdata/dev21
#
# AT=<commit> measures against that commit instead of the one that added the set
# (for example the start of a session, to see whether its rules carried over to a
# set written afterwards). The old engine is built in a temporary worktree and the
# dataset is always read from this checkout. Needs DATABASE_URL (else the project's
# own cluster, `make db`), Go and python3. Read-only: evals run with --record=false.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ $# -eq 0 ]; then
	echo "usage: scripts/ascame.sh DATASET_DIR... (AT=<commit> to pick the old engine)" >&2
	exit 64
fi
command -v python3 >/dev/null || { echo "ascame: python3 is needed to read the eval JSON" >&2; exit 69; }
export DATABASE_URL=${DATABASE_URL:-$(scripts/db.sh url)}

work=$(mktemp -d)
cleanup() {
	for wt in "$work"/wt-*; do
		[ -d "$wt" ] && git worktree remove --force "$wt" >/dev/null 2>&1
	done
	rm -rf "$work"
}
trap cleanup EXIT

go build -o "$work/copilot-now" ./cmd/copilot

# engine_at COMMIT prints the path of the copilot binary built at COMMIT.
engine_at() {
	local c=$1 bin="$work/copilot-$1"
	if [ ! -x "$bin" ]; then
		git worktree add --quiet --detach "$work/wt-$c" "$c"
		(cd "$work/wt-$c" && go build -o "$bin" ./cmd/copilot) >&2
	fi
	echo "$bin"
}

# measure BIN DIR OUT runs the eval on one dataset; exit 2 (a gate failed) is a result.
measure() {
	local rc=0
	"$1" eval --record=false --json --dataset "$2" >"$3" 2>"$3.err" || rc=$?
	if [ "$rc" -ne 0 ] && [ "$rc" -ne 2 ]; then
		echo "ascame: eval of $2 by $1 failed (exit $rc):" >&2
		cat "$3.err" >&2
		exit 1
	fi
}

for dir in "$@"; do
	dir=${dir%/}
	if [ ! -d "$dir/labels" ] && [ ! -f "$dir/labels.json" ]; then
		echo "ascame: $dir: not a dataset (no labels/ folder or labels.json)" >&2
		exit 66
	fi
	commit=${AT:-$(git log --diff-filter=A --format=%h -- "$dir/labels" "$dir/labels.json" | tail -1)}
	if [ -z "$commit" ]; then
		echo "ascame: $dir: its labels are not committed, so there is no engine it came to; set AT=<commit>" >&2
		exit 65
	fi
	commit=$(git rev-parse --short "$commit")
	old=$(engine_at "$commit")
	abs=$(cd "$dir" && pwd)
	measure "$old" "$abs" "$work/old.json"
	measure "$work/copilot-now" "$abs" "$work/now.json"
	python3 - "$dir" "$commit" "$work/old.json" "$work/now.json" <<'PY'
import json, sys
name, commit, old, now = sys.argv[1:5]
wanted = ["followups.precision", "followups.recall", "followups.owner_accuracy", "followups.due_accuracy",
          "summary.root_cause_f1", "summary.impact_f1", "summary.mitigation_f1",
          "summary.ceiling_root_cause_sentence", "summary.ceiling_mitigation_sentence"]
def read(path):
    out = {}
    for m in json.load(open(path))["metrics"]:
        if m["name"] in wanted and not m.get("dataset") and m.get("split") in ("dev", "test"):
            out[(m["split"], m["name"])] = m["value"]
    return out
a, b = read(old), read(now)
print(f"{name}: as it came (engine at {commit}) against now")
for k in [(sp, n) for sp in ("dev", "test") for n in wanted]:
    if k in a or k in b:
        x, y = a.get(k), b.get(k)
        d = f"{y - x:+.3f}" if x is not None and y is not None else ""
        fx = f"{x:.3f}" if x is not None else "-"
        fy = f"{y:.3f}" if y is not None else "-"
        print(f"  {k[0]:4s} {k[1]:38s} {fx:>7s} {fy:>7s} {d:>7s}")
PY
done
