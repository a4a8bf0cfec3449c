"""A throwaway PostgreSQL cluster and a PgBouncer in front of it, for the sync benchmark.

PostgreSQL and PgBouncer refuse to run as root, so under root both run as the ``postgres``
OS user (``runuser``), as the test fixtures do. Both live in a temporary folder that is
removed on stop; only processes started here are stopped.
"""

from __future__ import annotations

import os
from pathlib import Path
import pwd
import shutil
import socket
import subprocess
import tempfile
import time

from benchmarks.common import run_quiet


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _wait_for_port(port: int, timeout: float = 30.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.5).close()
            return
        except OSError:
            time.sleep(0.05)
    raise TimeoutError(f"nothing listens on port {port}")


def _as_service_user(command: list[str]) -> list[str]:
    if os.geteuid() != 0:
        return command
    return ["runuser", "-u", "postgres", "--", *command]


def _server_bindir() -> Path | None:
    initdb = shutil.which("initdb")
    if initdb and shutil.which("pg_ctl"):
        return Path(initdb).resolve().parent
    for candidate in sorted(Path("/usr/lib/postgresql").glob("*/bin"), reverse=True):
        if (candidate / "initdb").exists():
            return candidate
    return None


class Cluster:
    """initdb + pg_ctl in a temporary folder, tuned for throwaway speed (fsync off)."""

    def __init__(self) -> None:
        bindir = _server_bindir()
        if bindir is None:
            raise RuntimeError("PostgreSQL server binaries (initdb, pg_ctl) not found")
        self.bindir = bindir
        self.root = Path(tempfile.mkdtemp(prefix="hc-bench-pg-"))
        self.data = self.root / "data"
        self.port = _free_port()
        if os.geteuid() == 0:
            account = pwd.getpwnam("postgres")
            os.chown(self.root, account.pw_uid, account.pw_gid)

    def url(self, database: str = "postgres", port: int | None = None) -> str:
        return f"postgresql://postgres@127.0.0.1:{port or self.port}/{database}"

    def start(self) -> Cluster:
        init = run_quiet(
            _as_service_user(
                [str(self.bindir / "initdb"), "-D", str(self.data), "-U", "postgres",
                 "-A", "trust", "-E", "UTF8", "--no-locale", "--no-sync"]
            )
        )  # fmt: skip
        if init.returncode:
            raise RuntimeError(f"initdb failed: {init.stderr[-1000:]}")
        options = (
            f"-c listen_addresses=127.0.0.1 -p {self.port} -k {self.root} -c fsync=off "
            "-c synchronous_commit=off -c full_page_writes=off -c max_connections=300"
        )
        started = run_quiet(
            _as_service_user(
                [str(self.bindir / "pg_ctl"), "-D", str(self.data), "-l",
                 str(self.root / "server.log"), "-o", options, "-w", "-t", "60", "start"]
            )
        )  # fmt: skip
        if started.returncode:
            raise RuntimeError(f"pg_ctl start failed: {started.stderr[-1000:]}")
        return self

    def stop(self) -> None:
        try:
            if (self.data / "postmaster.pid").exists():
                run_quiet(
                    _as_service_user(
                        [str(self.bindir / "pg_ctl"), "-D", str(self.data), "-m", "fast", "stop"]
                    )
                )
        finally:
            shutil.rmtree(self.root, ignore_errors=True)


def pgbouncer_binary(install: bool) -> tuple[str | None, str]:
    """The pgbouncer path, installing the Debian package when allowed; else (None, reason)."""
    found = shutil.which("pgbouncer") or (
        "/usr/sbin/pgbouncer" if Path("/usr/sbin/pgbouncer").exists() else None
    )
    if found:
        return found, ""
    if not install:
        return None, "pgbouncer is not installed (the full run installs it)"
    if os.geteuid() != 0 or not shutil.which("apt-get"):
        return None, "pgbouncer is missing and apt-get is not usable here"
    policy = run_quiet(["apt-cache", "policy", "pgbouncer"])
    if "Candidate: (none)" in policy.stdout or "Candidate" not in policy.stdout:
        run_quiet(["apt-get", "update", "-qq"], timeout=300)
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    done = subprocess.run(
        ["apt-get", "install", "-y", "-qq", "--no-install-recommends", "pgbouncer"],
        capture_output=True, text=True, timeout=600, check=False, env=env,
    )  # fmt: skip
    if done.returncode != 0:
        return None, f"apt-get install pgbouncer failed: {done.stderr.strip()[-200:]}"
    found = shutil.which("pgbouncer") or "/usr/sbin/pgbouncer"
    return (found, "") if Path(found).exists() else (None, "pgbouncer not found after install")


class PgBouncer:
    """PgBouncer in transaction pooling mode in front of ``cluster``'s ``database``."""

    def __init__(self, binary: str, cluster: Cluster, database: str, pool_size: int) -> None:
        self.binary = binary
        self.port = _free_port()
        self.root = Path(tempfile.mkdtemp(prefix="hc-bench-bouncer-"))
        self.config = self.root / "pgbouncer.ini"
        (self.root / "userlist.txt").write_text('"postgres" ""\n', encoding="utf-8")
        self.config.write_text(
            "[databases]\n"
            f"{database} = host=127.0.0.1 port={cluster.port} dbname={database}\n"
            "[pgbouncer]\n"
            f"listen_addr = 127.0.0.1\nlisten_port = {self.port}\nunix_socket_dir =\n"
            f"auth_type = trust\nauth_file = {self.root / 'userlist.txt'}\n"
            "pool_mode = transaction\nmax_client_conn = 2000\n"
            f"default_pool_size = {pool_size}\nmax_db_connections = {pool_size}\n"
            f"logfile = {self.root / 'pgbouncer.log'}\n"
            "ignore_startup_parameters = extra_float_digits,options\n",
            encoding="utf-8",
        )
        if os.geteuid() == 0:
            account = pwd.getpwnam("postgres")
            for path in (self.root, *self.root.iterdir()):
                os.chown(path, account.pw_uid, account.pw_gid)
        self._proc: subprocess.Popen[bytes] | None = None

    def start(self) -> PgBouncer:
        self._proc = subprocess.Popen(
            _as_service_user([self.binary, str(self.config)]),
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        _wait_for_port(self.port)
        return self

    def stop(self) -> None:
        try:
            if self._proc is not None and self._proc.poll() is None:
                self._proc.terminate()  # runuser forwards SIGTERM to pgbouncer
                try:
                    self._proc.wait(timeout=10)
                except subprocess.TimeoutExpired:
                    self._proc.kill()
                    self._proc.wait()
        finally:
            shutil.rmtree(self.root, ignore_errors=True)
