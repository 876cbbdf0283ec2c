"""The desk's log file: rotating, in the data dir, for support.

``<data dir>/logs/amends.log`` keeps at most ``MAX_BYTES`` per file and ``BACKUPS`` old files,
so a desk that runs for years never fills its disk with logs. What goes in is operational:
start-up, the data dir, case ids and step names, printer and keychain problems, uncaught
errors. Guest names, accounts, notes and PINs never do: the app logs case ids only, and
``GuestDataFilter`` blanks any text the app registered as personal before a record is written
(a second line of defence for messages from libraries or future code).
"""

from __future__ import annotations

import logging
import sys
import threading
from logging.handlers import RotatingFileHandler
from pathlib import Path
from types import TracebackType

from desktop.core.paths import make_private_dir

LOG_DIR = "logs"
LOG_FILE = "amends.log"
MAX_BYTES = 1024 * 1024
BACKUPS = 5
FORMAT = "%(asctime)s %(levelname)-7s %(name)s: %(message)s"

_HANDLER_NAME = "amends-file"


class GuestDataFilter(logging.Filter):
    """Replaces registered personal text (guest names and the like) with "[redacted]", in the
    message and in any traceback attached to it."""

    # The names of the cases this process has worked on; older ones drop out first.
    LIMIT = 1000

    def __init__(self) -> None:
        super().__init__()
        self._lock = threading.Lock()
        self._words: dict[str, None] = {}

    def register(self, text: str) -> None:
        """Register a piece of personal text that must never reach the log file."""
        text = text.strip()
        if len(text) < 3:  # shorter would blank ordinary words
            return
        with self._lock:
            self._words.pop(text, None)
            self._words[text] = None
            while len(self._words) > self.LIMIT:
                del self._words[next(iter(self._words))]

    def _clean(self, text: str, words: list[str]) -> str:
        for word in words:
            text = text.replace(word, "[redacted]")
        return text

    # override: logging.Filter.filter
    def filter(self, record: logging.LogRecord) -> bool:
        with self._lock:
            words = sorted(self._words, key=len, reverse=True)
        if not words:
            return True
        message = record.getMessage()
        cleaned = self._clean(message, words)
        if cleaned != message:
            record.msg, record.args = cleaned, None
        if record.exc_info:
            # An exception's message may quote what was typed; format it here to clean it.
            record.exc_text = logging.Formatter().formatException(record.exc_info)
            record.exc_info = None
        if record.exc_text:
            record.exc_text = self._clean(record.exc_text, words)
        return True


guest_filter = GuestDataFilter()


def log_path(data_dir: Path) -> Path:
    return data_dir / LOG_DIR / LOG_FILE


def setup_logging(data_dir: Path, level: int = logging.INFO) -> Path | None:
    """Log to the data dir's rotating file (one per process); None if it cannot be written."""
    root = logging.getLogger()
    path = log_path(data_dir)
    for handler in root.handlers:
        if handler.get_name() == _HANDLER_NAME:
            if Path(getattr(handler, "baseFilename", "")) == path.absolute():
                return path
            stop_logging()  # another data dir (tests open several in one process)
            break
    try:
        make_private_dir(data_dir)  # the log is the first thing a start writes there
        make_private_dir(path.parent)
        handler = RotatingFileHandler(path, maxBytes=MAX_BYTES, backupCount=BACKUPS,
                                      encoding="utf-8", delay=True)
    except OSError as error:
        # A read-only data dir must not stop the desk; the doctor reports the data dir.
        print(f"Amends: cannot write the log in {path.parent}: {error}", file=sys.stderr)
        return None
    handler.set_name(_HANDLER_NAME)
    handler.setFormatter(logging.Formatter(FORMAT))
    handler.addFilter(guest_filter)
    root.addHandler(handler)
    if root.level == logging.NOTSET or root.level > level:
        root.setLevel(level)
    # Alembic announces every plugin at INFO on each start; only its problems matter here.
    logging.getLogger("alembic").setLevel(logging.WARNING)
    _log_uncaught()
    return path


def stop_logging() -> None:
    """Close and remove the file handler (tests, and a data dir that is going away)."""
    root = logging.getLogger()
    for handler in list(root.handlers):
        if handler.get_name() == _HANDLER_NAME:
            root.removeHandler(handler)
            handler.close()


def _log_uncaught() -> None:
    previous = sys.excepthook

    def hook(kind: type[BaseException], error: BaseException,
             trace: TracebackType | None) -> None:
        logging.getLogger("amends").critical("uncaught error", exc_info=(kind, error, trace))
        previous(kind, error, trace)

    if not getattr(sys.excepthook, "_amends_logs", False):
        hook._amends_logs = True  # type: ignore[attr-defined]
        sys.excepthook = hook
