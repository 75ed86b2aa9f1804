"""A village's changed signing key beside the trusted one; trusted only when the clerk says so."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from ...core.clock import local_time
from ...township.keys import KeyChange
from ..widgets.common import BAD, MUTED


class KeyChangeDialog(QDialog):
    """Old and new key side by side; 信任新密钥 accepts, anything else leaves the package refused."""

    def __init__(self, change: KeyChange, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.change = change
        self.setWindowTitle(self.tr("{village} 的签名密钥变了").format(village=change.village))
        self.setMinimumWidth(720)
        intro = QLabel(
            self.tr(
                "{file} 不是用乡镇为 {village} 登记的密钥签的，已拒收。"
                "换了电脑或重装了软件时会这样，别人冒充上报时也会这样：请打电话给经办人，"
                "请他念出软件里“上报包”页显示的密钥指纹，与下面的新指纹逐位核对。"
            ).format(file=change.path.name, village=change.village),
            self,
        )
        intro.setWordWrap(True)
        grid = QGridLayout()
        grid.addWidget(QLabel(self.tr("<b>登记的密钥</b>"), self), 0, 1)
        grid.addWidget(QLabel(self.tr("<b>此包的密钥</b>"), self), 0, 2)
        since = local_time(change.trusted_since)[:16] if change.trusted_since else ""
        rows = (
            (self.tr("村"), change.village, change.village),
            (self.tr("经办人"), change.trusted_agent, change.agent),
            (self.tr("联系电话"), change.trusted_phone, change.agent_phone),
            (self.tr("密钥指纹"), change.trusted, change.found),
            (self.tr("首次收到"), since, self.tr("本次")),
        )
        self.value_labels: dict[str, tuple[QLabel, QLabel]] = {}
        for n, (name, old, new) in enumerate(rows, start=1):
            grid.addWidget(QLabel(name, self), n, 0)
            pair = (QLabel(old, self), QLabel(new, self))
            for col, label in enumerate(pair, start=1):
                label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
                grid.addWidget(label, n, col)
            if old != new and name != self.tr("首次收到"):
                pair[1].setStyleSheet(f"color: {BAD};")
            self.value_labels[name] = pair
        for label in self.value_labels[self.tr("密钥指纹")]:
            label.setStyleSheet(label.styleSheet() + "font-family: monospace;")
        note = QLabel(self.tr("核对无误才信任：信任后这个村今后的上报包都要用新密钥签。"), self)
        note.setStyleSheet(f"color: {MUTED};")
        note.setWordWrap(True)
        self.buttons = QDialogButtonBox(self)
        self.trust_button = self.buttons.addButton(
            self.tr("指纹已核对，信任新密钥并接收"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.cancel_button = self.buttons.addButton(
            self.tr("不信任，保持拒收"), QDialogButtonBox.ButtonRole.RejectRole
        )
        # Enter must not trust a key: the cancel button is the default.
        self.trust_button.setAutoDefault(False)
        self.cancel_button.setDefault(True)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(grid)
        layout.addWidget(note)
        layout.addWidget(self.buttons)
