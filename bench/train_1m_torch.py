#!/usr/bin/env python3
"""PyTorch's side of bench/train-1m.ts: the same job `tracehound train` does on the same file.

Reads a DataCamp BETH CSV (7 integer features + sus_label) with pandas, standard-scales the seven
columns (fitted on this file), trains 7→64→32→1 ReLU with BCEWithLogitsLoss and Adam (lr 1e-3) for
--epochs shuffled epochs at --batch, then scores every row once. Prints one JSON line with seconds
per phase; wall time and peak RSS are measured from outside (/usr/bin/time) by train-1m.ts.
"""
import argparse
import json
import time

import numpy as np
import pandas as pd
import torch

COLUMNS = ["processId", "threadId", "parentProcessId", "userId", "mountNamespace", "argsNum", "returnValue"]


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("file")
    ap.add_argument("--epochs", type=int, default=20)
    ap.add_argument("--batch", type=int, default=1024)
    ap.add_argument("--threads", type=int, default=1)
    ap.add_argument("--seed", type=int, default=42)
    args = ap.parse_args()
    torch.set_num_threads(args.threads)
    torch.manual_seed(args.seed)

    t0 = time.perf_counter()
    df = pd.read_csv(args.file)
    raw = df[COLUMNS].to_numpy(dtype=np.float64)
    mean, std = raw.mean(axis=0), raw.std(axis=0)
    std[std == 0] = 1.0
    X = torch.from_numpy(((raw - mean) / std).astype(np.float32))
    y = torch.from_numpy(df["sus_label"].to_numpy(dtype=np.float32)).unsqueeze(1)
    del df, raw
    t_read = time.perf_counter() - t0

    model = torch.nn.Sequential(
        torch.nn.Linear(7, 64), torch.nn.ReLU(),
        torch.nn.Linear(64, 32), torch.nn.ReLU(),
        torch.nn.Linear(32, 1),
    )
    loss_fn = torch.nn.BCEWithLogitsLoss()
    opt = torch.optim.Adam(model.parameters(), lr=1e-3)
    n = X.shape[0]
    t1 = time.perf_counter()
    losses = []
    for _ in range(args.epochs):
        perm = torch.randperm(n)
        total = 0.0
        for start in range(0, n, args.batch):
            idx = perm[start:start + args.batch]
            opt.zero_grad(set_to_none=True)
            loss = loss_fn(model(X[idx]), y[idx])
            loss.backward()
            opt.step()
            total += loss.item() * idx.shape[0]
        losses.append(total / n)
    t_train = time.perf_counter() - t1

    t2 = time.perf_counter()
    with torch.inference_mode():
        scores = torch.sigmoid(model(X))
    t_score = time.perf_counter() - t2
    print(json.dumps({
        "rows": n, "epochs": args.epochs, "threads": args.threads,
        "readSeconds": round(t_read, 3), "trainSeconds": round(t_train, 3), "scoreSeconds": round(t_score, 3),
        "samplesPerSecond": round(n * args.epochs / t_train), "finalLoss": losses[-1], "meanScore": float(scores.mean()),
    }))


if __name__ == "__main__":
    main()
