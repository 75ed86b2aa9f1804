"""First start: village or township mode, the village, the agent, the year's policy; creates the key."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import Qt, Slot
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QVBoxLayout,
    QWizard,
    QWizardPage,
)

from ..core.ids import normalize_phone
from ..core.policy import Policy, list_presets, load_policy
from ..core.village import init_village
from ..db import open_database
from ..errors import EnrollError
from ..exports.keys import load_or_create_key
from .widgets.common import MUTED, error_label
from .widgets.policy_editor import PolicyEditor

MODE, VILLAGE, AGENT, POLICY, FINISH = range(5)
PRACTICE_SIZE = 600  # enough for every situation, built in a few seconds


def season_year(today: date) -> int:
    """The coverage year being collected: from July on, the next year's (the window opens in the
    autumn before the year it covers)."""
    return today.year + 1 if today.month >= 7 else today.year


class ModePage(QWizardPage):
    def __init__(self, wizard: SetupWizard) -> None:
        super().__init__(wizard)
        self.setTitle(self.tr("欢迎使用村医保征缴助手"))
        self.setSubTitle(self.tr("先做几步设置。以后都可以在“设置”里修改。"))
        self.village_radio = QRadioButton(self.tr("村级经办：管理本村的花名册、缴费和上报"), self)
        self.township_radio = QRadioButton(
            self.tr("乡镇汇总：汇总各村上报的数据包（乡镇医保办使用）"), self
        )
        self.village_radio.setChecked(True)
        self.practice_button = QPushButton(self.tr("建一个练习村"), self)
        self.practice_button.clicked.connect(wizard._on_practice_button_clicked)
        practice_note = QLabel(
            self.tr(
                "先熟悉软件？练习村有几百位虚构的村民和各种情况（特殊群体、身份证号有误、重复、"
                "退费、对不上人的缴费），每一页、每份导出都标有“练习”。"
            ),
            self,
        )
        practice_note.setWordWrap(True)
        practice_note.setStyleSheet(f"color: {MUTED};")
        layout = QVBoxLayout(self)
        layout.addWidget(self.village_radio)
        layout.addWidget(self.township_radio)
        layout.addStretch(1)
        layout.addWidget(practice_note)
        layout.addWidget(self.practice_button)

    def nextId(self) -> int:  # noqa: N802
        return FINISH if self.township_radio.isChecked() else VILLAGE


class VillagePage(QWizardPage):
    def __init__(self, wizard: SetupWizard) -> None:
        super().__init__(wizard)
        self.setTitle(self.tr("本村信息"))
        self.setSubTitle(self.tr("这些信息会印在花名册和汇总表上。"))
        self.county_edit = QLineEdit(self)
        self.county_edit.setPlaceholderText(self.tr("如：获嘉县"))
        self.township_edit = QLineEdit(self)
        self.township_edit.setPlaceholderText(self.tr("如：照镜镇"))
        self.village_edit = QLineEdit(self)
        self.village_edit.setPlaceholderText(self.tr("如：大王庄村"))
        self.code_edit = QLineEdit(self)
        self.code_edit.setPlaceholderText(self.tr("12位行政区划代码，不知道可以不填"))
        self.code_edit.setMaxLength(12)
        self.error_label = error_label(self)
        form = QFormLayout(self)
        form.addRow(self.tr("县（市、区）*"), self.county_edit)
        form.addRow(self.tr("乡镇（街道）*"), self.township_edit)
        form.addRow(self.tr("村（社区）*"), self.village_edit)
        form.addRow(self.tr("区划代码"), self.code_edit)
        form.addRow("", self.error_label)
        self.registerField("county*", self.county_edit)
        self.registerField("township*", self.township_edit)
        self.registerField("village*", self.village_edit)
        self.registerField("code", self.code_edit)

    def validatePage(self) -> bool:  # noqa: N802
        code = self.code_edit.text().strip()
        if code and not (len(code) == 12 and code.isdigit()):
            self.error_label.setText(EnrollError("village_code", code=code).message)
            return False
        return True


class AgentPage(QWizardPage):
    def __init__(self, wizard: SetupWizard) -> None:
        super().__init__(wizard)
        self.setTitle(self.tr("经办人"))
        self.setSubTitle(self.tr("负责本村征缴的人，签字在汇总表上。"))
        self.agent_edit = QLineEdit(self)
        self.phone_edit = QLineEdit(self)
        self.phone_edit.setPlaceholderText(self.tr("手机11位"))
        self.error_label = error_label(self)
        form = QFormLayout(self)
        form.addRow(self.tr("经办人姓名*"), self.agent_edit)
        form.addRow(self.tr("联系电话"), self.phone_edit)
        form.addRow("", self.error_label)
        self.registerField("agent*", self.agent_edit)
        self.registerField("agent_phone", self.phone_edit)

    def validatePage(self) -> bool:  # noqa: N802
        phone = self.phone_edit.text().strip()
        if phone and not normalize_phone(phone)[1]:
            self.error_label.setText(EnrollError("phone_invalid", value=phone).message)
            return False
        return True


class PolicyPage(QWizardPage):
    def __init__(self, wizard: SetupWizard) -> None:
        super().__init__(wizard)
        self.setTitle(self.tr("参保年度和政策"))
        self.setSubTitle(
            self.tr(
                "从相近的县开始，再对照县里的征缴通知改成本县今年的数字（改年度时征缴期跟着变）。"
            )
        )
        self.year = season_year(date.today())
        self.presets = list_presets()
        self.files: set[str] = set()  # keys of presets that came from a file
        self.preset_combo = QComboBox(self)
        for key, policy in self.presets.items():
            self.preset_combo.addItem(policy.name, key)
        self.file_button = QPushButton(self.tr("从政策文件载入…"), self)
        self.file_button.clicked.connect(self._on_file_button_clicked)
        self.task_spin = QSpinBox(self)
        self.task_spin.setRange(0, 1_000_000)
        self.task_spin.setSpecialValueText(self.tr("暂不填"))
        self.editor = PolicyEditor(self, year_editable=True)
        self.editor.changed.connect(self.completeChanged)
        row = QHBoxLayout()
        row.addWidget(self.preset_combo, 1)
        row.addWidget(self.file_button)
        form = QFormLayout()
        form.addRow(self.tr("从这里开始"), row)
        form.addRow(self.tr("任务数（人）"), self.task_spin)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.editor, 1)
        self.setTabOrder(self.preset_combo, self.file_button)
        self.setTabOrder(self.file_button, self.task_spin)
        self.setTabOrder(self.task_spin, self.editor.tabs)
        self.preset_combo.currentIndexChanged.connect(self._on_preset_combo_changed)
        self._on_preset_combo_changed()

    @property
    def policy(self) -> Policy | None:
        """The policy as edited, or None while the form shows a problem."""
        return None if self.editor.problems() else self.editor.policy()

    def isComplete(self) -> bool:  # noqa: N802
        return not self.editor.problems()

    def _on_preset_combo_changed(self) -> None:
        """A preset is a county's terms of its year, moved to the year being collected; a file is
        taken as it is."""
        key = self.preset_combo.currentData()
        policy = self.presets[key]
        if key in self.files:
            self.editor.set_policy(policy)
        else:
            self.editor.set_policy(policy.for_year(self.year))

    def _on_file_button_clicked(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("选择政策文件"), "", self.tr("政策文件 (*.json)")
        )
        if path:
            self.load_file(path)

    def load_file(self, path: str) -> bool:
        try:
            policy = load_policy(path)
        except EnrollError as e:
            QMessageBox.warning(self, self.tr("政策文件有误"), e.message)
            return False
        self.presets[path] = policy
        self.files.add(path)
        self.preset_combo.addItem(self.tr("{0}（{1}）").format(policy.name, Path(path).name), path)
        self.preset_combo.setCurrentIndex(self.preset_combo.count() - 1)
        return True


class FinishPage(QWizardPage):
    def __init__(self, wizard: SetupWizard) -> None:
        super().__init__(wizard)
        self.setTitle(self.tr("完成"))
        self.summary_label = QLabel(self)
        self.summary_label.setWordWrap(True)
        self.import_check = QCheckBox(self.tr("现在导入去年的花名册（Excel），省去重新录入"), self)
        self.import_check.setChecked(True)
        note = QLabel(
            self.tr("同时会在数据文件旁生成本村的签名密钥，用于给上报的数据包签名。"), self
        )
        note.setStyleSheet(f"color: {MUTED};")
        note.setWordWrap(True)
        self.note_label = note
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary_label)
        layout.addWidget(self.import_check)
        layout.addWidget(note)
        layout.addStretch(1)

    def initializePage(self) -> None:  # noqa: N802
        wizard: SetupWizard = self.wizard()  # type: ignore[assignment]
        township = wizard.mode() == "township"
        self.import_check.setVisible(not township)
        self.note_label.setVisible(not township)
        if township:
            self.summary_label.setText(
                self.tr("将以乡镇汇总模式打开。以后每次启动都直接进入乡镇汇总。")
            )
            return
        policy = wizard.policy_page.policy
        self.summary_label.setText(
            self.tr("将建立：{0}{1}{2}，经办人 {3}，{4}年度（{5}）。").format(
                self.field("county"),
                self.field("township"),
                self.field("village"),
                self.field("agent"),
                policy.year if policy else "",
                policy.name if policy else "",
            )
        )

    def validatePage(self) -> bool:  # noqa: N802
        wizard: SetupWizard = self.wizard()  # type: ignore[assignment]
        return wizard.mode() == "township" or wizard.create_village()


class SetupWizard(QWizard):
    def __init__(self, db_path: Path, parent=None) -> None:
        super().__init__(parent)
        self.db_path = Path(db_path)
        self.setWindowTitle(self.tr("村医保征缴助手 — 首次设置"))
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.setMinimumSize(760, 560)
        self.resize(920, 680)  # the policy step's tabs room to breathe on a 1366×768 screen
        for button, text in (
            (QWizard.WizardButton.NextButton, "下一步 >"),
            (QWizard.WizardButton.BackButton, "< 上一步"),
            (QWizard.WizardButton.FinishButton, "完成"),
            (QWizard.WizardButton.CancelButton, "取消"),
        ):
            self.setButtonText(button, self.tr(text))
        self.mode_page = ModePage(self)
        self.village_page = VillagePage(self)
        self.agent_page = AgentPage(self)
        self.policy_page = PolicyPage(self)
        self.finish_page = FinishPage(self)
        for page_id, page in (
            (MODE, self.mode_page),
            (VILLAGE, self.village_page),
            (AGENT, self.agent_page),
            (POLICY, self.policy_page),
            (FINISH, self.finish_page),
        ):
            self.setPage(page_id, page)
        self.fingerprint = ""
        self.practice = False

    def mode(self) -> str:
        return "township" if self.mode_page.township_radio.isChecked() else "village"

    def import_roster(self) -> bool:
        return (
            not self.practice
            and self.mode() == "village"
            and self.finish_page.import_check.isChecked()
        )

    @Slot()
    def _on_practice_button_clicked(self) -> None:
        from ..core.demo import build_demo

        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        db = open_database(self.db_path)
        try:
            build_demo(db, size=PRACTICE_SIZE)
        except EnrollError as e:
            QMessageBox.warning(self, self.tr("无法完成"), e.message)
            return
        finally:
            db.close()
            QApplication.restoreOverrideCursor()
        self.fingerprint = load_or_create_key(self.db_path).fingerprint
        self.mode_page.village_radio.setChecked(True)
        self.practice = True
        self.accept()

    def create_village(self) -> bool:
        policy = self.policy_page.policy
        if policy is None:
            return False
        task = self.policy_page.task_spin.value() or None
        db = open_database(self.db_path)
        try:
            init_village(
                db,
                code=self.field("code"),
                name=self.field("village"),
                township=self.field("township"),
                county=self.field("county"),
                agent=self.field("agent"),
                agent_phone=self.field("agent_phone"),
                policy=policy,
                task=task,
            )
        except EnrollError as e:
            QMessageBox.warning(self, self.tr("无法完成"), e.message)
            return False
        finally:
            db.close()
        self.fingerprint = load_or_create_key(self.db_path).fingerprint
        return True
