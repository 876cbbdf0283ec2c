"""The case panel's steps in a row: which is current, which are done, and the clock.

Each step is named when the whole row fits; in a narrow panel (beside the case list at
1366 px, long Spanish names) the others show by number, the current one still named, each
with its name as tooltip. Without that the row set the panel's minimum width, and the case
list beside it had to cut its column titles.
"""

from __future__ import annotations

from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QWidget

from desktop.core.playbook import STEPS
from desktop.ui import design, labels


class StepBar(QWidget):
    """``1. Listen  2. Apologise  …  0:42``; ``show(step)`` marks the current step."""

    def __init__(self, clock: QLabel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.labels: dict[str, QLabel] = {}
        self._current = STEPS[0]
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        for step in STEPS:
            label = QLabel()
            label.setObjectName(f"stepLabel_{step}")
            label.setToolTip(labels.step_name(step))
            self.labels[step] = label
            row.addWidget(label)
        row.addStretch(1)
        row.addWidget(clock)
        self._name_steps(compact=False)

    def show_step(self, step: str) -> None:
        self._current = step
        index = STEPS.index(step)
        for key, label in self.labels.items():
            done = STEPS.index(key) < index
            design.tone(label, "step" if key == step else ("done" if done else "todo"))
        self._fit()

    # override: QWidget.resizeEvent
    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit()

    def _fit(self) -> None:
        spacing = self.layout().spacing() + 8
        full = sum(label.fontMetrics().horizontalAdvance(self._full(step)) + spacing
                   for step, label in self.labels.items())
        clock = self.layout().itemAt(self.layout().count() - 1).widget()
        self._name_steps(compact=full + clock.minimumWidth() > self.width())

    def _name_steps(self, *, compact: bool) -> None:
        for number, (step, label) in enumerate(self.labels.items(), start=1):
            label.setText(str(number) if compact and step != self._current
                          else self._full(step))
            # The least it needs is its number (its name when current), whatever it shows:
            # so the row never holds the panel wider than that.
            least = self._full(step) if step == self._current else f"{number}."
            label.setMinimumWidth(label.fontMetrics().horizontalAdvance(least) + 8)

    @staticmethod
    def _full(step: str) -> str:
        return f"{STEPS.index(step) + 1}. {labels.step_name(step)}"
