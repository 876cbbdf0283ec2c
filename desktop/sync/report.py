"""What one sync round moved and what went wrong: the report the CLI, the worker and the
desk's status bar read."""

from __future__ import annotations

from dataclasses import dataclass, field

from desktop.sync.errors import SyncProblem


@dataclass(slots=True)
class SyncReport:
    """What one round moved, and what went wrong (``errors`` empty when all went well)."""

    pushed: int = 0  # events sent (including resends)
    acked: int = 0  # events newly marked as held by head office
    pulled: int = 0  # other desks' events newly stored here
    refolded: bool = False
    policy_version: int | None = None  # the head-office policy version adopted this round
    matrix_version: int | None = None  # the recovery matrix version adopted this round
    pending: int = 0  # events of this desk still waiting after the round
    held: int = 0  # other desks' events held in quarantine after the round (not applied)
    # Other desks whose events head office passed over (their chain does not verify there).
    passed_over: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)  # English, for the log and the terminal
    problems: list[SyncProblem] = field(default_factory=list)  # the same, for a screen to word
    offline: bool = False
    not_enrolled: bool = False
    # A failure nobody foresaw (a bug): the desk's screens show a plain sentence instead of
    # ``errors``, and the worker has logged it with its traceback.
    unexpected: BaseException | None = None

    @property
    def ok(self) -> bool:
        return not self.errors

    def summary(self) -> str:
        policy = f", policy v{self.policy_version}" if self.policy_version is not None else ""
        if self.matrix_version is not None:
            policy += f", recovery matrix v{self.matrix_version}"
        held = f"; {self.held} of other desks held back" if self.held else ""
        over = "; passed over: " + "; ".join(self.passed_over) if self.passed_over else ""
        return (f"pushed {self.pushed} (acknowledged {self.acked}), pulled {self.pulled}"
                f"{policy}; {self.pending} waiting{held}{over}")
