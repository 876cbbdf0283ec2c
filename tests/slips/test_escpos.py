"""Receipt printers: a slip sent as ESC/POS to a small fake printer on 127.0.0.1, read back
byte by byte (initialise, the text, the printer's own QR code carrying the voucher, the cut);
Arabic and Japanese go as a raster image; a printer that is off gives a clear message and the
PDF is kept; ``amends slip print`` does the same from a terminal."""

from __future__ import annotations

import socket
import threading
from collections.abc import Iterator

import pytest

from desktop.cli import main
from desktop.core.desk import Desk
from desktop.core.errors import DeskError, Refusal
from desktop.core.printers import is_receipt_printer, parse_address
from desktop.core.views import CaseHeader, GestureProposal, OnShift
from desktop.slips.compose import SlipNotPrinted, make_slip
from desktop.ui.labels import desk_error
from tests.conftest import Team

INIT = b"\x1b@"
CUT = b"\x1dV"
QR = b"\x1d(k"


class FakePrinter:
    """A raw-TCP "printer" on 127.0.0.1: takes one job per connection and keeps its bytes."""

    def __init__(self) -> None:
        self.server = socket.create_server(("127.0.0.1", 0))
        self.server.settimeout(20)
        self.port = self.server.getsockname()[1]
        self.jobs: list[bytes] = []
        self.received = threading.Event()
        self.thread = threading.Thread(target=self._serve, daemon=True)
        self.thread.start()

    @property
    def address(self) -> str:
        return f"tcp://127.0.0.1:{self.port}"

    def _serve(self) -> None:
        try:
            while True:
                connection, _ = self.server.accept()
                with connection:
                    chunks = []
                    while chunk := connection.recv(65536):
                        chunks.append(chunk)
                    self.jobs.append(b"".join(chunks))
                    self.received.set()
        except OSError:
            return  # closed at the end of the test

    def job(self) -> bytes:
        # The sender may be done while its connection still waits to be accepted: wait for
        # the job before closing (closing first would drop a connection not yet accepted).
        self.received.wait(30)
        self.server.close()
        self.thread.join(10)
        assert len(self.jobs) == 1
        return self.jobs[0]


@pytest.fixture
def printer() -> Iterator[FakePrinter]:
    fake = FakePrinter()
    yield fake
    fake.server.close()


def closed_port() -> int:
    """A port nobody listens on (bound, then released): connecting is refused."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def qr_commands(job: bytes) -> list[bytes]:
    """The body of every GS ( k command (after its two length bytes)."""
    found, start = [], 0
    while (at := job.find(QR, start)) >= 0:
        length = job[at + 3] + 256 * job[at + 4]
        found.append(job[at + 5:at + 5 + length])
        start = at + 5 + length
    return found


def voucher_case(desk: Desk, team: Team, language: str = "") -> tuple[OnShift, str, str]:
    who = team.sign_in(team.agent)
    case_id = desk.cases.open(who, CaseHeader("Zoë Müller", "214", "Front Desk", "noise", "high",
                                              guest_language=language))
    result = desk.grants.grant(who, case_id, GestureProposal("voucher", "Café crème", 900))
    assert result.voucher_code
    return who, case_id, result.voucher_code


def test_a_voucher_reaches_the_printer_as_escpos(desk: Desk, team: Team,
                                                 printer: FakePrinter) -> None:
    who, case_id, code = voucher_case(desk, team)
    _, kept = make_slip(desk, who, case_id, "voucher", code, "roll80",
                        receipt_printer=printer.address)
    job = printer.job()
    token = desk.vouchers.find(code).token
    assert job.startswith(INIT)
    assert b"\x1bt\x13" in job  # code page 858
    assert "Zoë Müller".encode("cp858") in job and "Café crème".encode("cp858") in job
    assert f"{code[:3]}-{code[3:6]}-{code[6:]}".encode() in job  # the code as printed
    commands = qr_commands(job)
    assert b"1A2\x00" in commands  # model 2
    assert b"1E1" in commands  # error correction M
    assert b"1P0" + token.encode() in commands  # the signed voucher, drawn by the printer
    assert b"1Q0" in commands  # print it
    assert job.index(QR) < job.rindex(CUT) and job.endswith(CUT + b"\x00")  # GS V 0: cut
    assert kept.is_file() and kept.parent == desk.data_dir / "slips"


@pytest.mark.parametrize("language", ["ar", "ja"])
def test_scripts_no_code_page_has_go_as_an_image(desk: Desk, team: Team, printer: FakePrinter,
                                                  language: str) -> None:
    who, case_id, code = voucher_case(desk, team, language)
    make_slip(desk, who, case_id, "voucher", code, "roll80", receipt_printer=printer.address)
    job = printer.job()
    assert job.startswith(INIT) and b"\x1dv0" in job  # GS v 0: a raster image
    assert b"1P0" + desk.vouchers.find(code).token.encode() in qr_commands(job)
    assert CUT in job


def test_an_apology_is_printed_and_cut(desk: Desk, team: Team, printer: FakePrinter) -> None:
    who = team.sign_in(team.agent)
    case_id = desk.cases.open(who, CaseHeader("Ana Gómez", "7", guest_language="es"))
    make_slip(desk, who, case_id, "apology", None, "roll80", receipt_printer=printer.address)
    job = printer.job()
    assert job.startswith(INIT) and "Estimado/a Ana Gómez:".encode("cp858") in job
    assert QR not in job and CUT in job


def test_a_printer_that_is_off_says_so_and_keeps_the_pdf(desk: Desk, team: Team) -> None:
    who, case_id, code = voucher_case(desk, team)
    address = f"tcp://127.0.0.1:{closed_port()}"
    with pytest.raises(SlipNotPrinted) as failed:
        make_slip(desk, who, case_id, "voucher", code, "roll80", receipt_printer=address)
    assert failed.value.refusal is Refusal.PRINTER_UNREACHABLE
    assert failed.value.kept.is_file() and failed.value.kept.read_bytes().startswith(b"%PDF")
    assert address in desk_error(failed.value) and "is on" in desk_error(failed.value)
    # The print is on record all the same: the next one says REPRINT.
    assert desk.vouchers.find(code).print_count == 1


def test_a_usb_printer_that_is_not_there_says_so(desk: Desk, team: Team) -> None:
    who, case_id, code = voucher_case(desk, team)
    with pytest.raises(SlipNotPrinted) as failed:
        make_slip(desk, who, case_id, "voucher", code, "roll80",
                  receipt_printer="usb://04b8:0e15")
    assert failed.value.refusal is Refusal.PRINTER_UNREACHABLE
    assert "usb://04b8:0e15" in desk_error(failed.value) and failed.value.kept.is_file()


@pytest.mark.parametrize("text", ["tcp://", "tcp://a b:9100", "tcp://host:0", "tcp://h:70000",
                                  "usb://zz:01", "usb://04b8", "lpt1", "tcp://[::1]x"])
def test_bad_addresses_are_refused(text: str) -> None:
    with pytest.raises(DeskError) as refused:
        parse_address(text)
    assert refused.value.refusal is Refusal.PRINTER_ADDRESS_INVALID
    assert text in desk_error(refused.value)


def test_addresses_read() -> None:
    assert str(parse_address("tcp://printer.local")) == "tcp://printer.local:9100"
    assert str(parse_address(" TCP://10.0.0.7:9101/ ")) == "tcp://10.0.0.7:9101"
    assert str(parse_address("tcp://[fe80::1]:9100")) == "tcp://[fe80::1]:9100"
    assert str(parse_address("usb://04B8:0E15")) == "usb://04b8:0e15"
    assert is_receipt_printer("tcp://x") and not is_receipt_printer("EPSON TM-T20 (Office)")


def test_cli_prints_a_voucher_copy(desk: Desk, team: Team, printer: FakePrinter,
                                   capsys: pytest.CaptureFixture[str]) -> None:
    _, _, code = voucher_case(desk, team)
    data_dir = str(desk.data_dir)
    desk.close()
    assert main(["--data-dir", data_dir, "slip", "print", "--kind", "voucher", code,
                 "--printer", printer.address]) == 0
    job = printer.job()
    assert b"REPRINT" in job  # nobody signed in: a copy, never a second voucher
    assert "Zoë Müller".encode("cp858") in job and QR in job
    assert "Sent the voucher slip" in capsys.readouterr().out


def test_cli_says_when_the_printer_is_off_and_keeps_the_pdf(
        desk: Desk, team: Team, capsys: pytest.CaptureFixture[str]) -> None:
    _, _, code = voucher_case(desk, team)
    data_dir = desk.data_dir
    desk.close()
    port = closed_port()
    assert main(["--data-dir", str(data_dir), "slip", "print", "--kind", "voucher", code,
                 "--printer", f"tcp://127.0.0.1:{port}"]) == 1
    err = capsys.readouterr().err
    assert f"tcp://127.0.0.1:{port} did not take the slip" in err and "kept as" in err
    assert len(list((data_dir / "slips").glob("*.pdf"))) == 1
    assert main(["--data-dir", str(data_dir), "slip", "print", "--kind", "voucher", code,
                 "--printer", "lpt1"]) == 2
    assert "not a receipt printer address" in capsys.readouterr().err
    assert main(["--data-dir", str(data_dir), "slip", "print", "--kind", "voucher", "NOPE",
                 "--printer", f"tcp://127.0.0.1:{port}"]) == 1
    assert len(list((data_dir / "slips").glob("*.pdf"))) == 1  # nothing more written
