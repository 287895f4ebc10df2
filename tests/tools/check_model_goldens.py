#!/usr/bin/env python3
"""check_model_goldens.py - recompute the expected output of every golden that has a model.py
(a python model of Spark's behaviour, written apart from sluice) and compare it with the
committed expected.out, byte for byte.

    check_model_goldens.py <tests/golden>
"""
import os
import subprocess
import sys


def main():
    root = sys.argv[1]
    failed, checked = [], 0
    for name in sorted(os.listdir(root)):
        d = os.path.join(root, name)
        model = os.path.join(d, "model.py")
        if not os.path.isfile(model):
            continue
        checked += 1
        run = subprocess.run([sys.executable, "model.py"], cwd=d, capture_output=True, text=True)
        with open(os.path.join(d, "expected.out"), encoding="utf-8") as f:
            expected = f.read()
        if run.returncode != 0 or run.stdout != expected:
            failed.append(name)
            print("FAIL %s: %s" % (name, run.stderr.strip() or "model output differs from expected.out"))
    print("%d model goldens checked, %d failed" % (checked, len(failed)))
    return 1 if failed or checked == 0 else 0


if __name__ == "__main__":
    sys.exit(main())
