"""Write a file under a temporary name and rename it into place, so a failure leaves nothing half-written."""

from __future__ import annotations

import contextlib
import os
import re
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

# A temp name carries the pid of its writer: `.<stem>-<pid>-<random><suffix>.tmp`. A writer
# killed mid-write (a power cut, the task manager) leaves it behind; the next atomic write into
# the same folder removes it once that pid is gone (sweep_stale_temps).
_TEMP_NAME = re.compile(r"^\..*-(\d+)-[^-]+\.tmp$")
# Windows: os.kill(pid, 0) would end the process, so a temp name is judged by age there.
_WINDOWS_STALE_SECONDS = 3600


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def sweep_stale_temps(folder: str | os.PathLike) -> list[Path]:
    """Remove the temp files of atomic writes in `folder` whose writer is no longer running;
    returns what it removed."""
    removed: list[Path] = []
    try:
        entries = list(os.scandir(Path(folder)))
    except OSError:
        return removed
    for entry in entries:
        match = _TEMP_NAME.match(entry.name)
        if not match or not entry.is_file(follow_symlinks=False):
            continue
        if sys.platform == "win32":
            stale = time.time() - entry.stat().st_mtime > _WINDOWS_STALE_SECONDS
        else:
            stale = not _alive(int(match.group(1)))
        if stale:
            with contextlib.suppress(OSError):
                os.unlink(entry.path)
                removed.append(Path(entry.path))
    return removed


def fsync_dir(folder: str | os.PathLike) -> None:
    """Make a rename in `folder` itself durable: without it a power cut can bring back the old
    name (POSIX only; Windows cannot open a directory this way, and NTFS journals the rename)."""
    if sys.platform == "win32":
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


@contextlib.contextmanager
def atomic_path(target: str | os.PathLike, *, mode: int | None = None) -> Iterator[Path]:
    """Yield a temp path beside `target`; on success fsync and rename it over `target`, then
    fsync the folder. `mode` None gives a file as the umask would (an export, to be shared);
    PRIVATE_FILE one only its owner reads, whatever the umask."""
    target = Path(target)
    target.parent.mkdir(parents=True, exist_ok=True)
    sweep_stale_temps(target.parent)
    fd, tmp_name = tempfile.mkstemp(
        prefix=f".{target.stem}-{os.getpid()}-", suffix=f"{target.suffix}.tmp", dir=target.parent
    )
    os.close(fd)
    tmp = Path(tmp_name)
    try:
        # mkstemp makes 600; an export is meant to be copied and shared like any file.
        os.chmod(tmp, mode if mode is not None else 0o666 & ~_umask())
        yield tmp
        with open(tmp, "rb+") as f:
            os.fsync(f.fileno())
        os.replace(tmp, target)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    fsync_dir(target.parent)


def write_bytes_atomic(target: str | os.PathLike, data: bytes, *, mode: int | None = None) -> Path:
    with atomic_path(target, mode=mode) as tmp:
        tmp.write_bytes(data)
    return Path(target)
