"""The amends-headoffice command: admin commands through main([...]) and a real ``serve``."""

from __future__ import annotations

import datetime as dt
import ipaddress
import json
import os
import socket
import ssl
import subprocess
import sys
import threading
import uuid
from pathlib import Path

import httpx
import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID
from sqlalchemy import select

from desktop.core.policy import default_policy
from headoffice.cli import main
from headoffice.enrol import enrol
from headoffice.models import AdminToken, Device, EnrolmentCode, PolicyVersion, Site
from headoffice.store import open_database, safe_url, session_factory, transaction
from headoffice.tokens import code_digest, digest

ROOT = Path(__file__).resolve().parents[2]


def run(capsys: pytest.CaptureFixture[str], db_url: str, *args: str) -> tuple[int, str, str]:
    code = main(["--db", db_url, *args])
    out, err = capsys.readouterr()
    return code, out, err


def rows(db_url: str, model: type) -> list:
    engine = open_database(db_url)
    try:
        with transaction(session_factory(engine)) as db:
            return list(db.scalars(select(model)))
    finally:
        engine.dispose()


def enrol_directly(db_url: str, code: str, name: str = "Desk 1") -> str:
    engine = open_database(db_url)
    device_id = str(uuid.uuid4())
    try:
        with transaction(session_factory(engine)) as db:
            enrol(db, {"code": code, "device_id": device_id, "device_name": name,
                               "site": {"name": "x", "currency": "EUR", "timezone": "UTC"}},
                          now=dt.datetime.now(dt.UTC))
    finally:
        engine.dispose()
    return device_id


def test_site_add_and_list(capsys: pytest.CaptureFixture[str], db_url: str) -> None:
    code, out, _ = run(capsys, db_url, "site", "add", "Harbour Hotel", "--currency", "eur",
                       "--timezone", "Europe/Paris")
    assert code == 0
    site_id = out.split("\t")[0]
    assert uuid.UUID(site_id)
    run(capsys, db_url, "site", "add", "Alpine Lodge", "--currency", "CHF",
        "--timezone", "Europe/Zurich")
    code, out, _ = run(capsys, db_url, "site", "list")
    lines = out.strip().splitlines()
    assert code == 0 and len(lines) == 2
    assert lines[1] == f"{site_id}\tHarbour Hotel\tEUR\tEurope/Paris"
    assert lines[0].split("\t")[1:] == ["Alpine Lodge", "CHF", "Europe/Zurich"]


@pytest.mark.parametrize("args, message", [
    (["--currency", "EURO", "--timezone", "Europe/Paris"], "unknown currency"),
    (["--currency", "XXX", "--timezone", "Europe/Paris"], "unknown currency"),
    (["--currency", "EUR", "--timezone", "Mars/Olympus"], "unknown time zone"),
    (["--currency", "EUR", "--timezone", "../../etc/passwd"], "unknown time zone"),
])
def test_site_add_refuses_bad_values(capsys: pytest.CaptureFixture[str], db_url: str,
                                     args: list[str], message: str) -> None:
    code, out, err = run(capsys, db_url, "site", "add", "Harbour", *args)
    assert code == 1 and out == ""
    assert message in err
    assert rows(db_url, Site) == []


def test_duplicate_site_name_is_refused(capsys: pytest.CaptureFixture[str], db_url: str) -> None:
    run(capsys, db_url, "site", "add", "Harbour", "--currency", "EUR", "--timezone", "UTC")
    code, _, err = run(capsys, db_url, "site", "add", "harbour", "--currency", "EUR",
                       "--timezone", "UTC")
    assert code == 1 and "already exists" in err


def test_device_code_list_and_revoke(capsys: pytest.CaptureFixture[str], db_url: str) -> None:
    _, out, _ = run(capsys, db_url, "site", "add", "Harbour", "--currency", "EUR",
                    "--timezone", "UTC")
    site_id = out.split("\t")[0]
    code, by_name, err = run(capsys, db_url, "device", "code", "Harbour")
    assert code == 0 and "once" in err
    _, by_id, _ = run(capsys, db_url, "device", "code", site_id, "--hours", "2")
    first, second = by_name.strip(), by_id.strip()
    assert first != second and len(first.replace("-", "")) == 16
    stored = {row.code_hash: row for row in rows(db_url, EnrolmentCode)}
    assert set(stored) == {code_digest(first), code_digest(second)}
    assert stored[code_digest(first)].expires_at - stored[code_digest(first)].created_at == \
        dt.timedelta(hours=24)
    assert stored[code_digest(second)].expires_at - stored[code_digest(second)].created_at == \
        dt.timedelta(hours=2)
    assert run(capsys, db_url, "device", "code", "Nowhere")[0] == 1

    device_id = enrol_directly(db_url, first, "Front desk")
    code, out, _ = run(capsys, db_url, "device", "list")
    assert code == 0
    assert out.startswith(f"{device_id}\tHarbour\tFront desk\tactive")
    code, out, _ = run(capsys, db_url, "device", "revoke", "Front desk")
    assert code == 0 and out.startswith(f"revoked {device_id}")
    assert rows(db_url, Device)[0].revoked_at is not None
    code, out, _ = run(capsys, db_url, "device", "revoke", device_id)
    assert code == 0 and "already revoked" in out
    assert "\trevoked " in run(capsys, db_url, "device", "list")[1]
    code, _, err = run(capsys, db_url, "device", "revoke", str(uuid.uuid4()))
    assert code == 1 and "no device" in err


def test_policy_set(capsys: pytest.CaptureFixture[str], db_url: str, tmp_path: Path) -> None:
    run(capsys, db_url, "site", "add", "Harbour", "--currency", "EUR", "--timezone", "UTC")
    good = tmp_path / "policy.json"
    good.write_text(json.dumps(default_policy().to_dict()), encoding="utf-8")
    code, out, _ = run(capsys, db_url, "policy", "set", "Harbour", str(good))
    assert code == 0 and "version 1" in out
    code, _, err = run(capsys, db_url, "policy", "set", "Harbour", str(good))
    assert code == 1 and "set \"version\" to 2" in err

    bad_json = tmp_path / "bad.json"
    bad_json.write_text("{not json", encoding="utf-8")
    no_roles = tmp_path / "no_roles.json"
    no_roles.write_text(json.dumps({"version": 2, "roles": {}}), encoding="utf-8")
    negative = tmp_path / "negative.json"
    negative.write_text(json.dumps({"version": 2, "roles": {"agent": {
        "per_case": -1, "per_shift": 1, "per_guest_stay": 1}}}), encoding="utf-8")
    binary = tmp_path / "binary.json"
    binary.write_bytes(b"\xff\xfe\x00")
    for path, message in ((bad_json, "not valid JSON"), (no_roles, "roles"),
                          (negative, "per_case"), (binary, "cannot read"),
                          (tmp_path / "missing.json", "no such file")):
        code, out, err = run(capsys, db_url, "policy", "set", "Harbour", str(path))
        assert code == 1 and message in err, (path, err)
    assert run(capsys, db_url, "policy", "set", "Elsewhere", str(good))[0] == 1
    assert [row.version for row in rows(db_url, PolicyVersion)] == [1]


def test_matrix_set(capsys: pytest.CaptureFixture[str], db_url: str, tmp_path: Path) -> None:
    import resources
    from headoffice.models import MatrixVersion

    run(capsys, db_url, "site", "add", "Harbour", "--currency", "EUR", "--timezone", "UTC")
    shipped = str(resources.path("recovery_matrix.json"))
    code, out, _ = run(capsys, db_url, "matrix", "set", "Harbour", shipped)
    assert code == 0 and "recovery matrix version 1" in out
    code, _, err = run(capsys, db_url, "matrix", "set", "Harbour", shipped)
    assert code == 1 and "nothing changed" in err
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps({"categories": {"Noise!": {}}, "fallback": {}}), encoding="utf-8")
    code, _, err = run(capsys, db_url, "matrix", "set", "Harbour", str(bad))
    assert code == 1 and "categories.Noise!" in err and "lower-case" in err
    assert [(row.version, row.published_by) for row in rows(db_url, MatrixVersion)] == [
        (1, "command line")]


def test_admin_tokens(capsys: pytest.CaptureFixture[str], db_url: str) -> None:
    code, out, err = run(capsys, db_url, "admin-token", "--label", "finance")
    token = out.strip()
    assert code == 0 and len(token) >= 40 and "only now" in err
    stored = rows(db_url, AdminToken)
    assert [(t.label, t.token_hash) for t in stored] == [("finance", digest(token))]
    code, out, _ = run(capsys, db_url, "admin-token", "--list")
    assert out.startswith(f"{stored[0].id}\tfinance\t") and "active" in out
    assert token not in out
    assert run(capsys, db_url, "admin-token", "--revoke", str(stored[0].id))[0] == 0
    assert rows(db_url, AdminToken)[0].revoked_at is not None
    assert run(capsys, db_url, "admin-token", "--revoke", "999")[0] == 1


def test_database_from_environment(capsys: pytest.CaptureFixture[str], db_url: str,
                                   monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("AMENDS_HQ_DB", db_url)
    assert main(["site", "add", "Env", "--currency", "EUR", "--timezone", "UTC"]) == 0
    capsys.readouterr()
    assert [site.name for site in rows(db_url, Site)] == ["Env"]


def test_default_database_is_a_file_in_the_current_directory(
        capsys: pytest.CaptureFixture[str], tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("AMENDS_HQ_DB", raising=False)
    monkeypatch.chdir(tmp_path)
    assert main(["site", "list"]) == 0
    assert (tmp_path / "headoffice.sqlite3").is_file()


@pytest.mark.parametrize("url, message", [
    ("mysql://root@localhost/x", "unsupported database"),
    ("not a url", "not a database URL"),
])
def test_unusable_database_is_a_clear_error(capsys: pytest.CaptureFixture[str], url: str,
                                            message: str) -> None:
    code, _, err = run(capsys, url, "site", "list")
    assert code == 1 and message in err


def test_a_file_that_is_not_a_database_is_refused(capsys: pytest.CaptureFixture[str],
                                                  tmp_path: Path) -> None:
    path = tmp_path / "notes.txt"
    path.write_text("shopping list\n" * 100)
    code, _, err = run(capsys, f"sqlite:///{path}", "site", "list")
    assert code == 1 and "cannot open" in err
    assert path.read_text() == "shopping list\n" * 100


def test_serve_option_errors(capsys: pytest.CaptureFixture[str], db_url: str,
                             tmp_path: Path) -> None:
    code, _, err = run(capsys, db_url, "serve", "--ssl-keyfile", str(tmp_path / "k.pem"))
    assert code == 1 and "--ssl-certfile" in err
    code, _, err = run(capsys, db_url, "serve", "--ssl-certfile", str(tmp_path / "none.pem"))
    assert code == 1 and "no such file" in err
    with pytest.raises(SystemExit) as exit_info:
        main(["--db", db_url, "frobnicate"])
    assert exit_info.value.code == 2


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def self_signed(tmp_path: Path) -> tuple[Path, Path]:
    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "127.0.0.1")])
    now = dt.datetime.now(dt.UTC)
    cert = (x509.CertificateBuilder().subject_name(name).issuer_name(name)
            .public_key(key.public_key()).serial_number(x509.random_serial_number())
            .not_valid_before(now - dt.timedelta(days=1))
            .not_valid_after(now + dt.timedelta(days=1))
            .add_extension(x509.SubjectAlternativeName(
                [x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]), critical=False)
            .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
            .sign(key, hashes.SHA256()))
    cert_path, key_path = tmp_path / "cert.pem", tmp_path / "key.pem"
    cert_path.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    key_path.write_bytes(key.private_bytes(serialization.Encoding.PEM,
                                           serialization.PrivateFormat.PKCS8,
                                           serialization.NoEncryption()))
    return cert_path, key_path


@pytest.mark.parametrize("tls", [False, True], ids=["http", "https"])
def test_serve_runs_the_api(db_url: str, tmp_path: Path, tls: bool) -> None:
    port = free_port()
    args = [sys.executable, "-m", "headoffice", "--db", db_url, "serve", "--port", str(port)]
    verify: ssl.SSLContext | bool = False
    if tls:
        cert, key = self_signed(tmp_path)
        args += ["--ssl-certfile", str(cert), "--ssl-keyfile", str(key)]
        verify = ssl.create_default_context(cafile=str(cert))
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    process = subprocess.Popen(args, cwd=tmp_path, env=env, stdout=subprocess.PIPE,
                               stderr=subprocess.PIPE, text=True)
    base = f"{'https' if tls else 'http'}://127.0.0.1:{port}"
    try:
        response = None
        waiter = threading.Event()
        with httpx.Client(base_url=base, verify=verify, timeout=10) as client:
            for _ in range(300):
                try:
                    response = client.get("/api/v1/policy")
                    break
                except httpx.TransportError:
                    if process.poll() is not None:
                        break
                    waiter.wait(0.1)
        assert response is not None, process.communicate(timeout=10)
        assert response.status_code == 401
        assert response.json()["detail"].startswith("missing bearer token")
    finally:
        process.terminate()
        _, err = process.communicate(timeout=30)
    assert f"serving {safe_url(db_url)} on {'https' if tls else 'http'}://127.0.0.1:{port}" in err


@pytest.mark.parametrize("missing", ["uvicorn", "fastapi"])
def test_without_its_extras_head_office_says_what_to_install(tmp_path: Path,
                                                             missing: str) -> None:
    """Installed as the desk's package alone (no `[headoffice]` extras): a sentence, no
    traceback. The missing library is hidden from a child process."""
    code = (f"import sys; sys.modules[{missing!r}] = None; "
            "from headoffice.cli import main; "
            f"sys.exit(main(['--db', 'sqlite:///{tmp_path / 'hq.sqlite3'}', 'serve']))")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            timeout=120)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert (f"head office needs its extras ({missing} is not installed): "
            "pip install 'amends[headoffice]'") in result.stderr


def test_device_reenrol_prints_a_code_for_that_desk_only(capsys: pytest.CaptureFixture[str],
                                                        db_url: str) -> None:
    run(capsys, db_url, "site", "add", "Harbour", "--currency", "EUR", "--timezone", "UTC")
    device_id = enrol_directly(db_url, run(capsys, db_url, "device", "code", "Harbour")[1]
                               .strip(), "Front desk")
    code, out, err = run(capsys, db_url, "device", "reenrol", "Front desk", "--hours", "3")
    assert code == 0 and device_id in err and "once" in err
    reenrol = out.strip()
    assert len(reenrol.replace("-", "")) == 16
    held = {row.code_hash: row for row in rows(db_url, EnrolmentCode)}[code_digest(reenrol)]
    assert held.device_id == device_id
    assert held.expires_at - held.created_at == dt.timedelta(hours=3)
    assert run(capsys, db_url, "device", "reenrol", device_id, "--hours", "0")[0] == 1
    code, _, err = run(capsys, db_url, "device", "reenrol", str(uuid.uuid4()))
    assert code == 1 and "no device" in err
    run(capsys, db_url, "device", "revoke", device_id)
    code, out, err = run(capsys, db_url, "device", "reenrol", device_id)
    assert code == 1 and out == "" and "revoked" in err


def test_staff_commands_on_a_site_no_desk_has_sent_a_roster(
        capsys: pytest.CaptureFixture[str], db_url: str) -> None:
    run(capsys, db_url, "site", "add", "Harbour", "--currency", "EUR", "--timezone", "UTC")
    code, out, err = run(capsys, db_url, "staff", "list", "Harbour")
    assert code == 0 and out == "" and "no staff known at Harbour yet" in err
    code, _, err = run(capsys, db_url, "staff", "list", "Nowhere")
    assert code == 1 and "no site" in err.lower()
    code, _, err = run(capsys, db_url, "staff", "deactivate", "Harbour", "Sam Okoye")
    assert code == 1 and "nobody active is called 'Sam Okoye' at Harbour" in err
    with pytest.raises(SystemExit) as usage:
        run(capsys, db_url, "staff", "deactivate", "Harbour")
    assert usage.value.code == 2  # the name is missing
    from headoffice.models import StaffDeactivation

    assert rows(db_url, StaffDeactivation) == []
