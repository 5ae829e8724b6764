"""Uploaded reports are read in a child process with CPU-time, memory and wall-clock limits.

A crafted PDF or DOCX can make any parser spin or swell; the web process must not pay
for it. The child (`python -m gongkai.reportcheck.sandbox`) sets its own limits with
resource.setrlimit before it reads a byte, reads the file from stdin with the pure
reader (no Django) and writes the outcome as JSON on stdout. Going over a limit gives
the file one line of Chinese saying so; nothing is stored for it.
"""

import json
import resource
import subprocess
import sys

from gongkai.reportcheck.batch import FileOutcome

CPU_SECONDS = 20
MEMORY_BYTES = 1536 * 1024 * 1024
WALL_SECONDS = 60

TOO_SLOW = "读取这份文件用时超过 {seconds} 秒，已停止（文件可能过大或结构异常），未核查"
TOO_BIG = "读取这份文件所需内存超过 {mb} MB，已停止（文件可能过大或结构异常），未核查"
CRASHED = "读取这份文件时读取程序意外退出，未核查"


def parse_limited(name: str, data: bytes, *, cpu_seconds: int | None = None, memory_bytes: int | None = None,
                  wall_seconds: float | None = None) -> FileOutcome:
    """`batch.parse_bytes` in a child process under the limits; never raises."""
    cpu = cpu_seconds or CPU_SECONDS
    memory = memory_bytes or MEMORY_BYTES
    wall = wall_seconds or WALL_SECONDS
    command = [sys.executable, "-m", "gongkai.reportcheck.sandbox", name, str(cpu), str(memory)]
    try:
        result = subprocess.run(command, input=data, capture_output=True, timeout=wall)
    except subprocess.TimeoutExpired:
        return FileOutcome(name, reason=TOO_SLOW.format(seconds=int(wall)))
    if result.returncode == 0:
        return FileOutcome(**json.loads(result.stdout))
    if result.returncode == 3:
        return FileOutcome(name, reason=TOO_BIG.format(mb=memory // (1024 * 1024)))
    if result.returncode in (-9, -24, 128 + 9, 128 + 24):  # SIGKILL / SIGXCPU at the CPU limit
        return FileOutcome(name, reason=TOO_SLOW.format(seconds=cpu))
    if b"MemoryError" in result.stderr:
        return FileOutcome(name, reason=TOO_BIG.format(mb=memory // (1024 * 1024)))
    return FileOutcome(name, reason=CRASHED)


def _child(name: str, cpu: int, memory: int) -> int:
    resource.setrlimit(resource.RLIMIT_CPU, (cpu, cpu + 1))
    resource.setrlimit(resource.RLIMIT_AS, (memory, memory))
    try:
        from gongkai.reportcheck.batch import parse_bytes

        data = sys.stdin.buffer.read()
        outcome = parse_bytes(name, data)
        if outcome.reason and "MemoryError" in outcome.reason:
            return 3
        sys.stdout.write(json.dumps(outcome.__dict__, ensure_ascii=False))
    except MemoryError:
        return 3
    return 0


if __name__ == "__main__":
    sys.exit(_child(sys.argv[1], int(sys.argv[2]), int(sys.argv[3])))
