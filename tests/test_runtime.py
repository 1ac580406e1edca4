"""The garbage collector's tuning (``api.runtime``) and its setting, ``CLAIMTRACK_GC_THRESHOLD``."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from api.config import SettingsError, load_settings

ROOT = Path(__file__).resolve().parent.parent


def test_the_threshold_setting_takes_three_whole_numbers():
    assert load_settings({}).gc_threshold == (50000, 50, 50)
    assert load_settings({"CLAIMTRACK_GC_THRESHOLD": "700,10,10"}).gc_threshold == (700, 10, 10)
    for bad in ("700,10", "0,10,10", "a,b,c", "700,-1,10"):
        with pytest.raises(SettingsError) as caught:
            load_settings({"CLAIMTRACK_GC_THRESHOLD": bad})
        assert caught.value.lines[0].startswith(f"CLAIMTRACK_GC_THRESHOLD={bad!r}: expected three whole numbers")


def test_tune_gc_sets_the_thresholds_and_cycles_are_still_collected():
    # In a child process: the thresholds are process-wide and would outlive this test.
    script = """
import gc, weakref
from api.runtime import tune_gc
tune_gc((1234, 5, 6))
assert gc.get_threshold() == (1234, 5, 6), gc.get_threshold()
class Node: pass
a, b = Node(), Node()
a.other, b.other = b, a
gone = weakref.ref(a)
del a, b
gc.collect()
assert gone() is None, "a cycle was not collected"
print("ok")
"""
    proc = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip() == "ok"
