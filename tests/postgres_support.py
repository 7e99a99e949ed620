"""A throw-away PostgreSQL server for the tests: Debian's binaries (installed by .ci/run), a
temporary data directory, loopback only, stopped at the end. BOT_TEST_POSTGRES_URL uses an
existing server instead."""

from __future__ import annotations

import glob
import os
import shutil
import socket
import subprocess
import tempfile
import uuid
from pathlib import Path

import psycopg


def _binary(name: str) -> str | None:
    found = sorted(glob.glob(f"/usr/lib/postgresql/*/bin/{name}"))
    return found[-1] if found else shutil.which(name)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class PostgresServer:
    """Start with PostgresServer.start(); `url` is the admin URL; `new_database()` an empty one."""

    def __init__(self, url: str, base: Path | None = None, as_user: list[str] | None = None):
        self.url, self.base, self.as_user = url, base, as_user or []

    @classmethod
    def start(cls, durable: bool = False) -> PostgresServer | None:
        """None when no server binaries are installed. Not `durable`: fsync off (tests need no crash
        safety, and run faster)."""
        if os.environ.get("BOT_TEST_POSTGRES_URL"):
            return cls(os.environ["BOT_TEST_POSTGRES_URL"])
        initdb, pg_ctl = _binary("initdb"), _binary("pg_ctl")
        if not (initdb and pg_ctl):
            return None
        base = Path(tempfile.mkdtemp(prefix="equality-bot-pg-"))
        as_user = []
        if os.geteuid() == 0:  # PostgreSQL refuses to run as root: run it as Debian's postgres user
            shutil.chown(base, "postgres", "postgres")
            as_user = ["runuser", "-u", "postgres", "--"]
        port = _free_port()
        run = lambda *args: subprocess.run([*as_user, *args], check=True, capture_output=True, timeout=120)  # noqa: E731
        run(initdb, "-D", str(base / "data"), "-U", "postgres", "--auth=trust", "-E", "UTF8", "--no-sync")
        run(
            pg_ctl,
            "-D",
            str(base / "data"),
            "-l",
            str(base / "server.log"),
            "-w",
            "-t",
            "60",
            "-o",
            f"-p {port} -h 127.0.0.1 -k {base} -c max_connections=200" + ("" if durable else " -F -c fsync=off"),
            "start",
        )
        return cls(f"postgresql://postgres@127.0.0.1:{port}/postgres", base, as_user)

    def new_database(self) -> str:
        """A URL of a new, empty database (each test its own)."""
        name = f"t_{uuid.uuid4().hex[:16]}"
        with psycopg.connect(self.url, autocommit=True) as db:
            db.execute(f"CREATE DATABASE {name}")
        return self.url.rsplit("/", 1)[0] + "/" + name

    def stop(self) -> None:
        if self.base is not None:
            subprocess.run(
                [*self.as_user, _binary("pg_ctl"), "-D", str(self.base / "data"), "-m", "immediate", "stop"],
                capture_output=True,
                timeout=60,
            )
            shutil.rmtree(self.base, ignore_errors=True)
