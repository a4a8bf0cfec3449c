"""Smoke test of a frozen hc-desktop: start it clean, and judge what it reports.

A packaged app can start and still be broken: keyring without its entry points falls back
to "no keyring" silently, a Qt plugin without its libraries aborts only on real desktops,
psycopg without its C code runs slower in pure Python. So this runs the bundle's
``--selftest`` from a scrubbed environment under a timeout and fails unless it exits 0 and
its report shows the requested platform plugin loaded from the bundle, every keyring
backend loads, the OS keyring backend imports, psycopg's compiled implementation is in
use and sign-in, a streamed chat and thread persistence passed.

    python packaging/smoke_test.py dist/hc-desktop/hc-desktop                  # offscreen
    xvfb-run -a python packaging/smoke_test.py BUNDLE --platform xcb           # real X11
    dbus-run-session -- python packaging/smoke_test.py BUNDLE --keyring        # see ci.sh
    python packaging/smoke_test.py BUNDLE --postgres                           # db commands

Only the standard library is used, so any Python 3.11 can run it.
"""

from __future__ import annotations

import argparse
from collections.abc import Iterator, Mapping
import contextlib
import json
import os
from pathlib import Path
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
from typing import Any

REQUIRED_CHECKS = ("sign_in", "streamed_chat", "thread_persisted")
COMPILED_PSYCOPG = ("binary", "c")
# Passed through from the caller because a leg needs them (X server, session bus).
PASSED_THROUGH = ("DISPLAY", "XAUTHORITY", "DBUS_SESSION_BUS_ADDRESS", "XDG_RUNTIME_DIR")
FATAL_STDERR = ("Traceback (most recent call last)", "Could not load the Qt platform plugin")


class SmokeFailure(Exception):
    """The bundle did not behave; the message says what to look at."""


def scrubbed_env(home: Path, platform: str, source: Mapping[str, str]) -> dict[str, str]:
    """A minimal environment: nothing from the build venv, a throwaway home and data dir."""
    env = {
        "PATH": "/usr/bin:/bin",
        "HOME": str(home),
        "LANG": "C.UTF-8",
        "XDG_CONFIG_HOME": str(home / ".config"),
        "XDG_DATA_HOME": str(home / ".local" / "share"),
        "XDG_CACHE_HOME": str(home / ".cache"),
        "HC_DATA_DIR": str(home / "hc-data"),
        "QT_QPA_PLATFORM": platform,
    }
    if os.name == "nt":  # Windows cannot start a process without these
        system_root = source.get("SYSTEMROOT", r"C:\Windows")
        env.update(
            PATH=rf"{system_root}\System32;{system_root}",
            SYSTEMROOT=system_root,
            USERPROFILE=str(home),
            APPDATA=str(home / "AppData" / "Roaming"),
            LOCALAPPDATA=str(home / "AppData" / "Local"),
            TEMP=str(home),
            TMP=str(home),
        )
    for name in PASSED_THROUGH:
        if name in source:
            env[name] = source[name]
    return env


def run_bundle(
    command: list[str], env: dict[str, str], timeout: float
) -> subprocess.CompletedProcess[str]:
    """Run with a hard timeout; a hang kills the whole process group and fails."""
    process = subprocess.Popen(
        command,
        env=env,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=os.name != "nt",
    )
    try:
        out, err = process.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        if os.name == "nt":
            process.kill()
        else:
            os.killpg(process.pid, signal.SIGKILL)
        out, err = process.communicate()
        raise SmokeFailure(
            f"timed out after {timeout:.0f} s; stderr tail:\n{err[-2000:]}"
        ) from None
    return subprocess.CompletedProcess(command, process.returncode, out, err)


def _inside(path: str, folder: Path) -> bool:
    try:
        Path(path).resolve().relative_to(folder.resolve())
    except ValueError:
        return False
    return True


def judge_report(
    report: Mapping[str, Any],
    *,
    bundle_dir: Path,
    platform: str,
    keyring_roundtrip: bool,
) -> list[str]:
    """Every problem in a self-test report (empty when the bundle is healthy)."""
    problems: list[str] = []
    checks = {c.get("name"): c for c in report.get("checks", []) if isinstance(c, dict)}
    wanted = [*REQUIRED_CHECKS, *(["keyring_roundtrip"] if keyring_roundtrip else [])]
    for name in wanted:
        check = checks.get(name)
        if check is None:
            problems.append(f"self-test check {name} did not run")
        elif check.get("ok") is not True:
            problems.append(f"self-test check {name} failed: {check.get('error', '?')}")
    if report.get("ok") is not True:
        problems.append(f"self-test report is not ok: {report.get('error', 'a check failed')}")
    if report.get("qt_platform") != platform:
        problems.append(f"Qt platform is {report.get('qt_platform')!r}, wanted {platform!r}")
    if sys.platform.startswith("linux"):
        plugin = str(report.get("qt_platform_plugin_file", ""))
        if not plugin.endswith(f"/platforms/libq{platform}.so"):
            problems.append(f"no libq{platform}.so mapped in the process (got {plugin!r})")
        elif not _inside(plugin, bundle_dir):
            problems.append(f"the platform plugin came from outside the bundle: {plugin}")
    plugins_dir = str(report.get("qt_plugins_dir", ""))
    if not _inside(plugins_dir, bundle_dir):
        problems.append(f"Qt looks for plugins outside the bundle: {plugins_dir!r}")
    entry_points = report.get("keyring_entry_points") or {}
    if not entry_points:
        problems.append("no keyring.backends entry points (keyring's metadata is missing)")
    broken = sorted(name for name, result in entry_points.items() if result != "ok")
    if broken:
        problems.append(f"keyring backends that do not load: {', '.join(broken)}")
    if report.get("keyring_os_backend_imports") is not True:
        problems.append(f"the OS keyring backend {report.get('keyring_os_backend')} is missing")
    if report.get("psycopg_impl") not in COMPILED_PSYCOPG:
        problems.append(f"psycopg runs as {report.get('psycopg_impl')!r}, not compiled")
    if keyring_roundtrip and not str(report.get("keyring_default", "")).endswith("SecretService"):
        problems.append(f"keyring chose {report.get('keyring_default')}, not the Secret Service")
    return problems


def selftest_leg(
    executable: Path, *, platform: str, keyring_roundtrip: bool, timeout: float
) -> dict[str, Any]:
    """Run ``--selftest`` once and raise unless every assertion holds."""
    with tempfile.TemporaryDirectory(prefix="hc-smoke-") as tmp:
        home = Path(tmp)
        env = scrubbed_env(home, platform, os.environ)
        if keyring_roundtrip:
            env["HC_SELFTEST_KEYRING"] = "1"
        report_file = home / "selftest.json"
        result = run_bundle(
            [str(executable), "--selftest", "--report", str(report_file)], env, timeout
        )
        if not report_file.is_file():
            raise SmokeFailure(
                f"exit code {result.returncode} and no report written; stderr:\n"
                f"{result.stderr[-3000:]}"
            )
        report: dict[str, Any] = json.loads(report_file.read_text(encoding="utf-8"))
    problems = judge_report(
        report,
        bundle_dir=executable.parent,
        platform=platform,
        keyring_roundtrip=keyring_roundtrip,
    )
    if result.returncode != 0:
        problems.insert(0, f"exit code {result.returncode}")
    problems += [f"stderr contains {text!r}" for text in FATAL_STDERR if text in result.stderr]
    if problems:
        details = "\n  - ".join(problems)
        raise SmokeFailure(f"{details}\nstderr tail:\n{result.stderr[-2000:]}")
    return report


# --- database admin commands against a throwaway PostgreSQL --------------------------------


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _postgres_bindir() -> Path:
    found = shutil.which("initdb")
    if found:
        return Path(found).resolve().parent
    for candidate in sorted(Path("/usr/lib/postgresql").glob("*/bin"), reverse=True):
        if (candidate / "initdb").exists():
            return candidate
    raise SmokeFailure(
        "--postgres needs PostgreSQL's initdb and pg_ctl (apt-get install postgresql)"
    )


@contextlib.contextmanager
def throwaway_postgres() -> Iterator[str]:
    """A private cluster on a free port, removed afterwards; yields its libpq URL."""
    bindir = _postgres_bindir()
    root = Path(tempfile.mkdtemp(prefix="hc-smoke-pg-"))
    prefix: list[str] = []
    if os.geteuid() == 0:  # the server refuses to run as root
        import pwd

        account = pwd.getpwnam("postgres")
        os.chown(root, account.pw_uid, account.pw_gid)
        prefix = ["runuser", "-u", "postgres", "--"]
    data, port = root / "data", _free_port()
    try:
        subprocess.run(
            [*prefix, str(bindir / "initdb"), "-D", str(data), "-U", "postgres", "-A", "trust",
             "--no-sync", "-E", "UTF8", "--no-locale"],
            check=True, capture_output=True, cwd=root, timeout=120,
        )  # fmt: skip
        options = f"-c listen_addresses=127.0.0.1 -p {port} -k {root} -c fsync=off"
        subprocess.run(
            [*prefix, str(bindir / "pg_ctl"), "-D", str(data), "-l", str(root / "log"),
             "-o", options, "-w", "-t", "60", "start"],
            check=True, capture_output=True, cwd=root, timeout=120,
        )  # fmt: skip
        yield f"postgresql://postgres@127.0.0.1:{port}/postgres"
    finally:
        if (data / "postmaster.pid").exists():
            subprocess.run(
                [*prefix, str(bindir / "pg_ctl"), "-D", str(data), "-m", "immediate", "stop"],
                capture_output=True, cwd=root, timeout=60, check=False,
            )  # fmt: skip
        shutil.rmtree(root, ignore_errors=True)


def database_leg(executable: Path, url: str, timeout: float) -> None:
    """The packaged migrations are found: pending on an empty database, then up to date."""
    with tempfile.TemporaryDirectory(prefix="hc-smoke-") as tmp:
        env = scrubbed_env(Path(tmp), "offscreen", {})
        for command, expected in (("status", 1), ("upgrade", 0), ("status", 0)):
            result = run_bundle([str(executable), "db", command, "--url", url], env, timeout)
            if result.returncode != expected:
                raise SmokeFailure(
                    f"db {command} exited {result.returncode}, wanted {expected}:\n"
                    f"{result.stdout[-1500:]}\n{result.stderr[-1500:]}"
                )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("executable", type=Path, help="the bundle's hc-desktop executable")
    parser.add_argument("--platform", default="offscreen", help="Qt platform plugin to require")
    parser.add_argument(
        "--keyring", action="store_true", help="also save, read and clear a real keyring entry"
    )
    parser.add_argument(
        "--postgres", action="store_true", help="run db status/upgrade on a throwaway cluster"
    )
    parser.add_argument("--timeout", type=float, default=90.0, help="seconds per run")
    args = parser.parse_args(argv)
    executable: Path = args.executable.resolve()
    if not os.access(executable, os.X_OK):
        print(f"FAIL: {executable} is not an executable", file=sys.stderr)
        return 2
    leg = f"platform={args.platform}" + (" keyring" if args.keyring else "")
    try:
        if args.postgres:
            leg = "db commands"
            with throwaway_postgres() as url:
                database_leg(executable, url, args.timeout)
        else:
            report = selftest_leg(
                executable,
                platform=args.platform,
                keyring_roundtrip=args.keyring,
                timeout=args.timeout,
            )
            timings = ", ".join(f"{c['name']} {c['ms']} ms" for c in report["checks"])
            leg += f" ({timings})"
    except SmokeFailure as exc:
        print(f"FAIL [{leg}]: {exc}", file=sys.stderr)
        return 1
    print(f"PASS [{leg}]")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
