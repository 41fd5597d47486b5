#!/usr/bin/env python3
"""The `tracehound bench` measurement in PyTorch, for a same-machine comparison (issue 7).

Default network 7→64→32→1 (ReLU), BCEWithLogitsLoss, Adam lr 1e-3:
- training: one shuffled epoch over 200,000 synthetic rows at --batch, after a 5-batch warm-up;
- inference: sigmoid(model(X)) on 65,536 rows under inference_mode, one warm-up then the mean of 5.
Prints one JSON document: { engine, threads, batch, trainSamplesPerSecond, inferRowsPerSecond, torch }.
Run with Debian's python3-torch: /usr/bin/python3 bench/pytorch_bench.py --threads 1 --json
"""
import argparse
import json
import time

import torch

TRAIN_ROWS = 200_000
INFER_ROWS = 65_536
WARMUP_BATCHES = 5
INFER_REPEATS = 5
FEATURES = 7


def synthetic(rows: int, gen: torch.Generator):
    X = torch.randn(rows, FEATURES, generator=gen)
    w = torch.arange(FEATURES, dtype=torch.float32) - 3
    y = ((X @ w + torch.randn(rows, generator=gen)) > 1).float().unsqueeze(1)
    return X, y


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--threads", type=int, default=1)
    ap.add_argument("--batch", type=int, default=1024)
    ap.add_argument("--seed", type=int, default=42)
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()

    torch.set_num_threads(args.threads)
    torch.manual_seed(args.seed)
    gen = torch.Generator().manual_seed(args.seed)
    X, y = synthetic(TRAIN_ROWS, gen)
    model = torch.nn.Sequential(
        torch.nn.Linear(FEATURES, 64), torch.nn.ReLU(),
        torch.nn.Linear(64, 32), torch.nn.ReLU(),
        torch.nn.Linear(32, 1),
    )
    loss_fn = torch.nn.BCEWithLogitsLoss()
    opt = torch.optim.Adam(model.parameters(), lr=1e-3)
    batch = args.batch

    def step(idx: torch.Tensor) -> None:
        xb, yb = X[idx], y[idx]
        opt.zero_grad(set_to_none=True)
        loss = loss_fn(model(xb), yb)
        loss.backward()
        opt.step()

    perm = torch.randperm(TRAIN_ROWS, generator=gen)
    for b in range(WARMUP_BATCHES):
        step(perm[b * batch:(b + 1) * batch])
    t0 = time.perf_counter()
    perm = torch.randperm(TRAIN_ROWS, generator=gen)
    for start in range(0, TRAIN_ROWS, batch):
        step(perm[start:start + batch])
    train_seconds = time.perf_counter() - t0

    Xi, _ = synthetic(INFER_ROWS, gen)
    with torch.inference_mode():
        torch.sigmoid(model(Xi))
        total = 0.0
        for _ in range(INFER_REPEATS):
            t0 = time.perf_counter()
            torch.sigmoid(model(Xi))
            total += time.perf_counter() - t0

    result = {
        "engine": "pytorch",
        "threads": args.threads,
        "batch": batch,
        "trainSamplesPerSecond": round(TRAIN_ROWS / train_seconds),
        "inferRowsPerSecond": round(INFER_ROWS * INFER_REPEATS / total),
        "torch": torch.__version__,
    }
    if args.json:
        print(json.dumps(result))
    else:
        for k, v in result.items():
            print(f"{k:22} {v}")


if __name__ == "__main__":
    main()
