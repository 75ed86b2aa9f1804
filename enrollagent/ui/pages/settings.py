"""Page 'settings' (设置): village, the year's policy and task, the printed roll, signing key, font
size, where data lives."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from ... import paths
from ...core.changes import EVERYTHING, Changes
from ...core.policy import load_policy
from ...core.relocate import move_store
from ...core.reminders import PAY_CHANNELS_SETTING, PAY_NOTE_SETTING, pay_how
from ...core.village import (
    get_policy,
    get_task,
    get_village,
    set_policy_and_task,
    set_setting,
    update_village,
)
from ...db.backup import check_file, damaged_error
from ...errors import EnrollError
from ...exports.keys import key_exists, load_or_create_key
from ...exports.roll import ID_SETTING, PAPER_SETTING, roll_print
from ..context import AppContext
from ..widgets.common import GOOD, MUTED, scrolled_body, show_error
from ..widgets.policy_editor import PolicyEditor
from . import follow_changes

VILLAGE_FIELDS = (
    ("county", QT_TRANSLATE_NOOP("Page", "县（市、区）")),
    ("township", QT_TRANSLATE_NOOP("Page", "乡镇（街道）")),
    ("name", QT_TRANSLATE_NOOP("Page", "村（社区）")),
    ("code", QT_TRANSLATE_NOOP("Page", "区划代码（12位）")),
    ("agent", QT_TRANSLATE_NOOP("Page", "经办人")),
    ("agent_phone", QT_TRANSLATE_NOOP("Page", "经办人电话")),
)


class Page(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        body = scrolled_body(self)
        layout = QVBoxLayout(body)
        columns = QHBoxLayout()
        left = QVBoxLayout()
        right = QVBoxLayout()
        columns.addLayout(left, 2)
        columns.addLayout(right, 3)  # the policy's tabs need the room more than the village
        layout.addLayout(columns)
        layout.addStretch(1)

        # village
        self.village_box = QGroupBox(self.tr("本村信息"), body)
        form = QFormLayout(self.village_box)
        self.village_edits: dict[str, QLineEdit] = {}
        for key, label in VILLAGE_FIELDS:
            edit = QLineEdit(self.village_box)
            self.village_edits[key] = edit
            form.addRow(self.tr(label), edit)
        self.save_village_button = QPushButton(self.tr("保存本村信息"), self.village_box)
        self.save_village_button.clicked.connect(self._on_save_village)
        self.village_status = QLabel(self.village_box)
        row = QHBoxLayout()
        row.addWidget(self.save_village_button)
        row.addWidget(self.village_status, 1)
        form.addRow(row)
        left.addWidget(self.village_box)
        left.addWidget(self._build_pay_box(body))

        # display
        self.font_box = QGroupBox(self.tr("字号"), body)
        font_row = QHBoxLayout(self.font_box)
        self.font_normal_radio = QRadioButton(self.tr("标准"), self.font_box)
        self.font_large_radio = QRadioButton(self.tr("大字（看得更清楚）"), self.font_box)
        self.font_group = QButtonGroup(self)
        self.font_group.addButton(self.font_normal_radio)
        self.font_group.addButton(self.font_large_radio)
        font_row.addWidget(self.font_normal_radio)
        font_row.addWidget(self.font_large_radio)
        font_row.addStretch(1)
        font_note = QLabel(self.tr("重新打开程序后全部生效"), self.font_box)
        font_note.setStyleSheet(f"color: {MUTED};")
        font_row.addWidget(font_note)
        from ..main import font_size

        (self.font_large_radio if font_size() == "large" else self.font_normal_radio).setChecked(
            True
        )
        self.font_large_radio.toggled.connect(self._on_font_large_toggled)
        left.addWidget(self.font_box)
        left.addWidget(self._build_language_box(body))

        # the printed roll: what the county asks of the signature sheet
        self.roll_box = QGroupBox(self.tr("打印花名册"), body)
        roll_form = QFormLayout(self.roll_box)
        self.roll_id_masked_radio = QRadioButton(self.tr("遮挡（同公示）"), self.roll_box)
        self.roll_id_whole_radio = QRadioButton(self.tr("完整"), self.roll_box)
        self.roll_a4_radio = QRadioButton(self.tr("A4（签字所需的列）"), self.roll_box)
        self.roll_a3_radio = QRadioButton(self.tr("A3（全部列）"), self.roll_box)
        for label, pair in (
            (self.tr("身份证号"), (self.roll_id_masked_radio, self.roll_id_whole_radio)),
            (self.tr("纸张"), (self.roll_a4_radio, self.roll_a3_radio)),
        ):
            group = QButtonGroup(self.roll_box)  # each pair is a choice of its own
            pair_row = QHBoxLayout()
            for radio in pair:
                group.addButton(radio)
                pair_row.addWidget(radio)
            pair_row.addStretch(1)
            roll_form.addRow(label, pair_row)
        self.roll_id_whole_radio.toggled.connect(self._on_roll_id_whole_toggled)
        self.roll_a3_radio.toggled.connect(self._on_roll_a3_toggled)
        left.addWidget(self.roll_box)

        # key
        self.key_box = QGroupBox(self.tr("上报签名密钥"), body)
        key_layout = QVBoxLayout(self.key_box)
        self.fingerprint_label = QLabel(self.key_box)
        self.fingerprint_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.fingerprint_label.setWordWrap(True)
        self.create_key_button = QPushButton(self.tr("生成签名密钥"), self.key_box)
        self.create_key_button.clicked.connect(self._on_create_key)
        key_note = QLabel(
            self.tr("乡镇凭这个指纹确认数据包来自本村。换电脑时请电话告诉乡镇新的指纹。"),
            self.key_box,
        )
        key_note.setWordWrap(True)
        key_note.setStyleSheet(f"color: {MUTED};")
        key_layout.addWidget(self.fingerprint_label)
        key_layout.addWidget(self.create_key_button)
        key_layout.addWidget(key_note)
        left.addWidget(self.key_box)

        # where
        self.data_box = QGroupBox(self.tr("数据存放位置"), body)
        data_form = QFormLayout(self.data_box)
        self.db_path_label = QLabel(str(ctx.db_path), self.data_box)
        self.db_path_label.setWordWrap(True)
        self.key_dir_label = QLabel(str(paths.key_dir(ctx.db_path)), self.data_box)
        self.key_dir_label.setWordWrap(True)
        self.log_dir_label = QLabel(str(paths.log_dir()), self.data_box)
        self.log_dir_label.setWordWrap(True)
        data_form.addRow(self.tr("数据文件"), self.db_path_label)
        data_form.addRow(self.tr("签名密钥"), self.key_dir_label)
        data_form.addRow(self.tr("日志"), self.log_dir_label)
        self.open_folder_button = QPushButton(self.tr("打开数据所在文件夹"), self.data_box)
        self.open_folder_button.clicked.connect(self._on_open_folder)
        data_form.addRow(self.open_folder_button)
        self.check_db_button = QPushButton(self.tr("检查数据库"), self.data_box)
        self.check_db_button.clicked.connect(self._on_check_db)
        self.check_db_status = QLabel(self.data_box)
        self.check_db_status.setWordWrap(True)
        data_form.addRow(self.check_db_button, self.check_db_status)
        self.move_folder_button = QPushButton(self.tr("换个数据文件夹…"), self.data_box)
        self.move_folder_button.clicked.connect(self._on_move_folder)
        data_form.addRow(self.move_folder_button)
        left.addWidget(self.data_box)
        left.addStretch(1)

        # policy
        self.policy_box = QGroupBox(body)
        policy_layout = QVBoxLayout(self.policy_box)
        self.policy_editor = PolicyEditor(self.policy_box)  # a new year is started elsewhere
        self.policy_editor.changed.connect(self._on_policy_editor_changed)
        self.task_spin = QSpinBox(self.policy_box)
        self.task_spin.setRange(0, 10_000_000)
        self.task_spin.setSpecialValueText(self.tr("未下达"))
        task_form = QFormLayout()
        task_form.addRow(self.tr("乡镇下达的任务数（人）"), self.task_spin)
        self.save_policy_button = QPushButton(self.tr("保存政策"), self.policy_box)
        self.save_policy_button.clicked.connect(self._on_save_policy)
        self.load_policy_button = QPushButton(self.tr("从政策文件载入…"), self.policy_box)
        self.load_policy_button.clicked.connect(self._on_load_policy)
        self.policy_status = QLabel(self.policy_box)
        self.policy_status.setWordWrap(True)
        buttons = QHBoxLayout()
        buttons.addWidget(self.save_policy_button)
        buttons.addWidget(self.load_policy_button)
        buttons.addStretch(1)
        policy_layout.addWidget(self.policy_editor)
        policy_layout.addLayout(task_form)
        policy_layout.addLayout(buttons)
        policy_layout.addWidget(self.policy_status)
        right.addWidget(self.policy_box)
        right.addStretch(1)
        self.refresh()
        follow_changes(self, ctx)

    def _build_pay_box(self, body: QWidget) -> QGroupBox:
        """How to pay, as the 缴费告知单 and the 催缴消息 print it."""
        box = QGroupBox(self.tr("缴费方式（印在缴费告知单、催缴消息上）"), body)
        form = QFormLayout(box)
        self.pay_channels_edit = QLineEdit(box)
        self.pay_channels_edit.setPlaceholderText(self.tr("用顿号分开，第一个写进短信"))
        self.pay_note_edit = QLineEdit(box)
        self.pay_note_edit.setPlaceholderText(self.tr("如：缴费码、扫村委会张贴的二维码"))
        form.addRow(self.tr("缴费渠道"), self.pay_channels_edit)
        form.addRow(self.tr("缴费说明"), self.pay_note_edit)
        self.save_pay_button = QPushButton(self.tr("保存缴费方式"), box)
        self.save_pay_button.clicked.connect(self._on_save_pay)
        self.pay_status = QLabel(box)
        row = QHBoxLayout()
        row.addWidget(self.save_pay_button)
        row.addWidget(self.pay_status, 1)
        form.addRow(row)
        return box

    def _on_save_pay(self) -> None:
        self.ctx.write(set_setting, PAY_CHANNELS_SETTING, self.pay_channels_edit.text().strip())
        self.ctx.write(set_setting, PAY_NOTE_SETTING, self.pay_note_edit.text().strip())
        self._status(self.pay_status, self.tr("已保存"), True)

    def show_filter(self, flt: dict) -> None:
        pass

    def refresh(self, changes: Changes = EVERYTHING) -> None:
        if not (changes.everything or changes.village or changes.year):
            return  # nothing shown here moved
        village = get_village(self.ctx.db)
        for key, edit in self.village_edits.items():
            edit.setText(getattr(village, key))
        how = pay_how(self.ctx.db)
        for edit, text in ((self.pay_channels_edit, how.text), (self.pay_note_edit, how.note)):
            edit.setText(text)
            edit.setCursorPosition(0)  # a long list reads from its start
        policy = get_policy(self.ctx.db)
        self.policy_box.setTitle(self.tr("{0}年度政策").format(policy.year))
        self.policy_editor.set_policy(policy)
        self.task_spin.setValue(get_task(self.ctx.db, policy.year) or 0)
        mask, paper = roll_print(self.ctx.db)
        for radio, on in (
            (self.roll_id_whole_radio, mask is None),
            (self.roll_id_masked_radio, mask is not None),
            (self.roll_a3_radio, paper == "A3"),
            (self.roll_a4_radio, paper == "A4"),
        ):
            radio.blockSignals(True)  # showing the setting is not changing it
            radio.setChecked(on)
            radio.blockSignals(False)
        self._show_key()

    def _show_key(self) -> None:
        exists = key_exists(self.ctx.db_path)
        self.create_key_button.setVisible(not exists)
        if exists:
            fp = load_or_create_key(self.ctx.db_path).fingerprint
            self.fingerprint_label.setText(self.tr("指纹：<b>{0}</b>").format(fp))
        else:
            self.fingerprint_label.setText(
                self.tr("还没有签名密钥（第一次导出上报数据包时也会自动生成）")
            )

    def _status(self, label: QLabel, text: str, ok: bool) -> None:
        label.setText(text)
        label.setStyleSheet(f"color: {GOOD if ok else '#c0392b'};")

    def _on_save_village(self) -> None:
        values = {k: e.text() for k, e in self.village_edits.items()}
        try:
            self.ctx.write(update_village, **values)
        except EnrollError as e:
            self._status(self.village_status, e.message, False)
            return
        self._status(self.village_status, self.tr("已保存"), True)

    def _on_policy_editor_changed(self) -> None:
        self.save_policy_button.setEnabled(not self.policy_editor.problems())

    def _on_save_policy(self) -> None:
        problems = self.policy_editor.problems()
        if problems:  # each is shown on its field too
            self._status(self.policy_status, next(iter(problems.values())), False)
            return
        try:
            policy = self.policy_editor.policy()
            task = self.task_spin.value() or None
            self.ctx.write(set_policy_and_task, policy, task, reason="设置页修改")
        except EnrollError as e:
            self._status(self.policy_status, e.message, False)
            return
        self._status(self.policy_status, self.tr("已保存。各人应缴金额已按新政策重新计算。"), True)

    def _on_load_policy(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("选择政策文件"), "", self.tr("政策文件 (*.json)")
        )
        if not path:
            return
        try:
            policy = load_policy(path)
        except EnrollError as e:
            show_error(self, e)
            return
        current = get_policy(self.ctx.db)
        if policy.year != current.year:
            QMessageBox.warning(
                self,
                self.tr("年度不符"),
                self.tr("这个文件是 {0} 年度的政策，当前是 {1} 年度。").format(
                    policy.year, current.year
                ),
            )
            return
        self.policy_editor.set_policy(policy)
        self._status(self.policy_status, self.tr("已载入，请核对后点“保存政策”"), True)

    def _on_roll_id_whole_toggled(self, whole: bool) -> None:
        self.ctx.write(set_setting, ID_SETTING, "whole" if whole else "masked")

    def _on_roll_a3_toggled(self, a3: bool) -> None:
        self.ctx.write(set_setting, PAPER_SETTING, "A3" if a3 else "A4")

    def _build_language_box(self, body: QWidget) -> QGroupBox:
        from ..i18n import LANGUAGES, language

        box = QGroupBox(self.tr("语言 Language"), body)
        row = QHBoxLayout(box)
        self.language_combo = QComboBox(box)
        for code, name in LANGUAGES.items():  # each language in its own words
            self.language_combo.addItem(name, code)
        self.language_combo.setCurrentIndex(self.language_combo.findData(language()))
        self.language_combo.currentIndexChanged.connect(self._on_language_combo_changed)
        row.addWidget(self.language_combo)
        row.addStretch(1)
        # Pages build their words once; Qt's own dialogs and anything opened later switch at once.
        note = QLabel(self.tr("对话框立即换用，各页面重新打开程序后全部换用"), box)
        note.setStyleSheet(f"color: {MUTED};")
        row.addWidget(note)
        return box

    def _on_language_combo_changed(self, _index: int) -> None:
        from ..i18n import set_language

        set_language(self.language_combo.currentData(), remember=True)

    def _on_font_large_toggled(self, large: bool) -> None:
        from ..main import set_font_size

        set_font_size("large" if large else "normal")

    def _on_create_key(self) -> None:
        load_or_create_key(self.ctx.db_path)
        self._show_key()

    def _on_check_db(self) -> None:
        """The full integrity_check (a fraction of a second on a village's file)."""
        problem = check_file(self.ctx.db_path, full=True)
        if problem:
            self._status(
                self.check_db_status, damaged_error(self.ctx.db_path, problem).message, False
            )
        else:
            self._status(self.check_db_status, self.tr("数据库完好"), True)

    def _on_move_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("选择新的数据文件夹"))
        if folder and self.move_to(Path(folder)):
            self.window().close()  # the next start opens the new file

    def move_to(self, folder: Path) -> bool:
        """Move the data to `folder` (core.relocate); True when moved and the app is to close, so
        nothing more is written to the old file."""
        if self.ctx.db_path.resolve() != paths.default_db_path().resolve():
            QMessageBox.warning(
                self,
                self.tr("不能换文件夹"),
                self.tr("本次打开的是用 --db 或环境变量指定的数据文件，请在启动时改用新的路径。"),
            )
            return False
        try:
            moved = move_store(self.ctx.db, self.ctx.db_path, folder)
        except EnrollError as e:
            show_error(self, e)
            return False
        QMessageBox.information(
            self,
            self.tr("数据已移动"),
            self.tr(
                "数据已复制到 {new} 并核对无误，以后都从这里打开。\n"
                "软件现在关闭，请重新打开。原来的文件 {old} 仍保留着，确认无误后可以删除。"
            ).format(new=moved.new, old=moved.old),
        )
        return True

    def _on_open_folder(self) -> None:
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.ctx.db_path.resolve().parent)))
