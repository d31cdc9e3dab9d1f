"""How many worker processes ``batch`` starts by default: one per usable CPU core (as ruff and
pytest-xdist ``-n auto`` do), but no more than the available memory holds at about
``MB_PER_WORKER`` each (a worker peaks at 314-317 MB: benchmarks/README.md)."""
from __future__ import annotations

import os

MB_PER_WORKER = 350
MAX_JOBS = 64


def usable_cores() -> int:
    """The cores this process may run on (its CPU affinity, e.g. under taskset or a container's
    cpuset), else the machine's count."""
    try:
        return len(os.sched_getaffinity(0)) or 1
    except (AttributeError, OSError):  # macOS and Windows have no sched_getaffinity
        return os.cpu_count() or 1


def available_memory_mb() -> float | None:
    """Memory available to new processes without swapping (Linux: MemAvailable), else None."""
    try:
        with open("/proc/meminfo", encoding="ascii") as fh:
            for line in fh:
                if line.startswith("MemAvailable:"):
                    return int(line.split()[1]) / 1024
    except (OSError, ValueError, IndexError):
        pass
    try:
        return os.sysconf("SC_AVPHYS_PAGES") * os.sysconf("SC_PAGE_SIZE") / 2**20
    except (AttributeError, ValueError, OSError):
        return None


def default_jobs(cores: int | None = None, memory_mb: float | None = None) -> int:
    """Usable cores, capped by available memory (at least 1, at most MAX_JOBS)."""
    cores = usable_cores() if cores is None else cores
    memory_mb = available_memory_mb() if memory_mb is None else memory_mb
    by_memory = int(memory_mb // MB_PER_WORKER) if memory_mb else cores
    return max(1, min(cores, by_memory, MAX_JOBS))
