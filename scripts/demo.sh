#!/usr/bin/env bash
# The whole job on a folder of BETH event files, as the README's Quick start runs it:
# inspect the data, train (holding out the last 20% in time of each class of the training files as
# the test split, since the shared subsets have no test file), evaluate on that held-out split,
# explain the model, and write the HTML report.
#   bash scripts/demo.sh [DATA_DIR] [OUT_DIR]
set -euo pipefail
cd "$(dirname "$0")/.."
data=${1:-../shared/data/beth}
out=${2:-out}
holdout=0.2
th() { node bin/tracehound.js "$@"; }

echo "== data inspect"
th data inspect --data "$data"
echo
echo "== train (held-out fraction $holdout)"
th train --data "$data" --holdout "$holdout" --out "$out/model"
echo
echo "== evaluate on the held-out split"
th evaluate --model "$out/model" --data "$data" --holdout "$holdout"
echo
echo "== explain"
th explain --model "$out/model" --data "$data" --holdout "$holdout" --out "$out/explain"
echo
echo "== report"
th report --model "$out/model" --data "$data" --holdout "$holdout" --out "$out/report.html"
echo
echo "Model: $out/model   Explanations: $out/explain   Report: $out/report.html"
