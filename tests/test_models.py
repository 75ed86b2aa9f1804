"""The table models without a widget (as Vorta tests its models): RosterModel and RowsModel over a
real store, read through the Qt model interface a view would use. A QApplication is needed (the
qapp fixture, through ctx), no window."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from enrollagent.core import ids, roster
from enrollagent.core.changes import Changes
from enrollagent.core.lane import write
from enrollagent.core.payments import payments_entered_since, record_payment
from enrollagent.core.snapshot import matches
from enrollagent.core.village import get_village
from enrollagent.core.vocab import STATES
from enrollagent.ui.models.roster import (
    COL_AGE,
    COL_CATEGORY,
    COL_GROUP,
    COL_HEAD,
    COL_HH_NO,
    COL_ID,
    COL_NAME,
    COL_NOTE,
    COL_PAID,
    COL_PAYABLE,
    COL_SEX,
    COL_SEX_AGE,
    COL_STATE,
    FETCH,
    HEADERS,
    HOUSEHOLD_ID_ROLE,
    PERSON_ID_ROLE,
    RosterModel,
)
from enrollagent.ui.rows import BAD, GOOD, KEY_ROLE, WARN, RowsModel

from .ui_helpers import *  # noqa: F403 - the fixtures: qt_settings, boxes, village, ctx
from .ui_helpers import an_id

DISPLAY = Qt.ItemDataRole.DisplayRole
FOREGROUND = Qt.ItemDataRole.ForegroundRole
BACKGROUND = Qt.ItemDataRole.BackgroundRole
ALIGNMENT = Qt.ItemDataRole.TextAlignmentRole
TOOLTIP = Qt.ItemDataRole.ToolTipRole
RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
RED, GREEN = QColor("#c0392b"), QColor("#1b7f3b")
ROSTER = ["张三", "李四", "王五", "赵六", "钱七"]  # group, 户号, 户主 first, then entry


def person_id(ctx, name: str) -> int:
    return next(s.person_id for s in ctx.snapshot().states if s.name == name)


@pytest.fixture
def people(ctx):
    """The small village in five states: 张三 paid; 李四 低保 (payable 300) and unpaid with a
    reason; 王五 职工医保; 赵六 paid 400 of 380 (refund due); 钱七 unpaid with an ID 待核实."""
    ctx.write(record_payment, person_id=person_id(ctx, "张三"))
    ctx.write(roster.flag_person, person_id(ctx, "李四"), "minimum_living")
    ctx.write(roster.set_unpaid_reason, person_id(ctx, "李四"), "长期外出/联系不上")
    ctx.write(roster.set_coverage, person_id(ctx, "王五"), "employee")
    ctx.write(record_payment, person_id=person_id(ctx, "赵六"), amount_fen=40000)
    household = ctx.snapshot().by_id[person_id(ctx, "王五")].household_id
    good = an_id(9)
    bad = good[:-1] + ("0" if good[-1] != "0" else "1")  # the check character is wrong
    ctx.write(
        roster.add_person,
        household_id=household,
        name="钱七",
        id_number=bad,
        relation="孙子",
        allow_invalid=True,
    )
    return ctx


def model_for(ctx, **kwargs) -> RosterModel:
    model = RosterModel(ctx, **kwargs)
    model.reload()
    return model


def text(model, row: int, column: int, role=DISPLAY):
    return model.data(model.index(row, column), role)


def names(model: RosterModel) -> list[str]:
    return [text(model, r, COL_NAME) for r in range(model.rowCount())]


def row_named(model: RosterModel, name: str) -> int:
    return names(model).index(name)


# --- RosterModel ----------------------------------------------------------------------------


def test_roster_counts_and_headers(people):
    model = model_for(people)
    assert model.rowCount() == 5 == model.total()
    assert model.columnCount() == len(HEADERS)
    assert names(model) == ROSTER
    assert model.headerData(COL_NAME, Qt.Orientation.Horizontal) == "姓名"
    assert model.headerData(COL_STATE, Qt.Orientation.Horizontal) == "参保状态"
    assert model.headerData(0, Qt.Orientation.Vertical) is None
    assert model.headerData(COL_NAME, Qt.Orientation.Horizontal, TOOLTIP) is None
    # A tree view asks for children: a table has none.
    assert model.rowCount(model.index(0, 0)) == 0
    assert model.columnCount(model.index(0, 0)) == 0


def test_roster_display_texts(people):
    model = model_for(people)
    today = date.today()
    zhang, li, wang, zhao = (row_named(model, n) for n in ("张三", "李四", "王五", "赵六"))
    state = {s.name: s for s in people.snapshot().states}
    assert text(model, li, COL_GROUP) == "一组"
    assert text(model, li, COL_HH_NO) == "001"
    assert text(model, li, COL_HEAD) == "张三"  # the household's 户主, on every member's row
    assert text(model, li, COL_ID) == an_id(2)
    assert text(model, li, COL_SEX) == "女"
    age = str(ids.age_at(state["李四"].birth_date, today))
    assert text(model, li, COL_AGE) == age
    assert text(model, li, COL_SEX_AGE) == f"女 {age}"
    assert text(model, li, COL_CATEGORY) == "低保对象"
    assert text(model, li, COL_STATE) == STATES["unpaid"]
    assert text(model, li, COL_PAYABLE) == "300"  # 380 less 低保's 80
    assert text(model, li, COL_PAID) == ""  # nothing paid: blank, not 0
    assert text(model, li, COL_NOTE) == "长期外出/联系不上"
    assert text(model, zhang, COL_STATE) == STATES["paid"]
    assert text(model, zhang, COL_PAID) == "380"
    assert text(model, wang, COL_STATE) == STATES["employee"]
    assert text(model, wang, COL_PAYABLE) == ""  # not a resident here: nothing payable
    assert text(model, zhao, COL_PAID) == "400"
    assert "应退费" in text(model, zhao, COL_NOTE)
    # Outside the model: nothing, whatever the role.
    assert model.data(QModelIndex()) is None
    assert text(model, 5, COL_NAME) is None


def test_roster_colours_alignment_and_roles(people):
    model = model_for(people)
    zhang, wang, qian = (row_named(model, n) for n in ("张三", "王五", "钱七"))
    assert text(model, qian, COL_ID, FOREGROUND) == RED  # an ID 待核实
    assert text(model, zhang, COL_ID, FOREGROUND) is None
    assert text(model, qian, COL_STATE, FOREGROUND) == RED  # unpaid
    assert text(model, zhang, COL_STATE, FOREGROUND) == GREEN  # enrolled
    assert text(model, wang, COL_STATE, FOREGROUND) is None  # covered elsewhere: neither
    assert text(model, zhang, COL_NAME, FOREGROUND) is None
    for column in (COL_AGE, COL_PAYABLE, COL_PAID):
        assert text(model, zhang, column, ALIGNMENT) == RIGHT
    assert text(model, zhang, COL_NAME, ALIGNMENT) is None
    state = people.snapshot().by_id[person_id(people, "钱七")]
    assert text(model, qian, COL_NAME, PERSON_ID_ROLE) == state.person_id
    assert text(model, qian, COL_NAME, HOUSEHOLD_ID_ROLE) == state.household_id
    assert model.state_at(qian) == state
    assert text(model, qian, COL_NOTE, TOOLTIP).startswith("待核实：")
    assert text(model, zhang, COL_NOTE, TOOLTIP) is None  # no note: no empty tooltip
    assert text(model, zhang, COL_NAME, TOOLTIP) is None


def test_roster_columns_chosen(people):
    model = model_for(people, columns=(COL_NAME, COL_SEX_AGE, COL_PAID))
    assert model.columnCount() == 3
    assert [model.headerData(c, Qt.Orientation.Horizontal) for c in range(3)] == [
        "姓名",
        "性别年龄",
        "已缴",
    ]
    assert text(model, 0, 0) == "张三"
    assert text(model, 0, 1).startswith("男 ")
    assert text(model, 0, 2, ALIGNMENT) == RIGHT


def sorted_names(model: RosterModel, column: int, order=Qt.SortOrder.AscendingOrder):
    model.sort(model.columns.index(column), order)
    return names(model)


def test_roster_sort(people):
    model = model_for(people)
    moved = []
    model.layoutChanged.connect(lambda *args: moved.append(True))
    # By name: the text's code point order (the view's own order, 张 after 李 after 王 …).
    assert sorted_names(model, COL_NAME) == sorted(ROSTER)
    assert sorted_names(model, COL_NAME, Qt.SortOrder.DescendingOrder) == sorted(
        ROSTER, reverse=True
    )
    assert moved  # the view is told the rows moved
    # By group: back to the roster's order (一组 before 二组, 户主 first).
    assert sorted_names(model, COL_GROUP) == ROSTER
    # By amount: as numbers, not as text; equal keys keep the order they had (a stable sort).
    assert sorted_names(model, COL_PAID) == ["李四", "王五", "钱七", "张三", "赵六"]
    sorted_names(model, COL_GROUP)
    assert sorted_names(model, COL_PAYABLE, Qt.SortOrder.DescendingOrder) == [
        "张三",  # 380
        "赵六",  # 380
        "钱七",  # 380
        "李四",  # 300 (低保)
        "王五",  # 0 (职工医保)
    ]
    # By age: by birth date, the unknown ones last.
    births = {s.name: s.birth_date or date.max for s in people.snapshot().states}
    assert sorted_names(model, COL_AGE) == sorted(ROSTER, key=lambda n: births[n])
    # Sorting keeps each row's data with it.
    li = row_named(model, "李四")
    assert text(model, li, COL_HEAD) == "张三"
    assert model.state_at(li).name == "李四"


@pytest.mark.parametrize(
    ("flt", "expected"),
    [
        ({}, ROSTER),
        ({"group": "一组"}, ["张三", "李四"]),
        ({"group": "二组"}, ["王五", "赵六", "钱七"]),
        ({"state": "paid"}, ["张三", "赵六"]),
        ({"state": "unpaid"}, ["李四", "钱七"]),
        ({"state": "enrolled"}, ["张三", "赵六"]),
        ({"state": "with_reason"}, ["李四"]),
        ({"coverage": "employee"}, ["王五"]),
        ({"attention": "invalid_id"}, ["钱七"]),
        ({"attention": "special"}, ["李四"]),
        ({"attention": "refund_due"}, ["赵六"]),
        ({"attention": "double_paid"}, ["赵六"]),
        ({"group": "二组", "state": "unpaid"}, ["钱七"]),
        ({"group": "三组"}, []),
    ],
)
def test_roster_filter(people, flt, expected):
    model = model_for(people)
    model.set_filter(flt, None)
    assert names(model) == expected
    # The model shows exactly whom the core's one filter lets through.
    assert names(model) == [s.name for s in people.snapshot().states if matches(s, flt)]
    assert model.total() == len(expected)


def test_roster_filter_household_and_search(people):
    model = model_for(people)
    household = people.snapshot().by_id[person_id(people, "王五")].household_id
    model.set_filter({"household_id": household}, None)
    assert names(model) == ["王五", "赵六", "钱七"]
    # A search gives the ids best first; the filter still applies.
    best_first = [person_id(people, n) for n in ("钱七", "张三", "李四")]
    model.set_filter({}, best_first)
    assert names(model) == ["钱七", "张三", "李四"]
    model.set_filter({"state": "unpaid"}, best_first)
    assert names(model) == ["钱七", "李四"]
    model.set_filter({}, [])
    assert model.rowCount() == 0


def test_roster_follows_a_write(people):
    model = model_for(people)
    li = person_id(people, "李四")
    people.write(record_payment, person_id=li, channel="微信")
    model.reload()
    row = row_named(model, "李四")
    assert text(model, row, COL_STATE) == STATES["paid"]
    assert text(model, row, COL_PAID) == "300"


def seed_households(db, *, actor: str, count: int) -> Changes:
    """`count` households of two (a 户主 and a child) in 三组, as one change."""
    with write(db, actor=actor, op="seed") as w:
        for n in range(count):
            household = roster.add_household(
                db, hh_no=f"{100 + n:04d}", group_name="三组", actor=actor
            ).id
            for i, relation in enumerate(("户主", "子")):
                serial = 2 * n + i
                roster.add_person(
                    db,
                    household_id=household,
                    name=f"村民{serial:04d}",
                    id_number=an_id(serial % 1000, 1950 + serial // 1000),
                    relation=relation,
                    actor=actor,
                )
    return w.changes


def test_roster_fetches_in_pages(ctx):
    ctx.write(seed_households, count=550)
    model = model_for(ctx)
    total = 4 + 2 * 550
    assert model.total() == total
    assert model.rowCount() == FETCH  # the view gets the first page at once
    assert model.canFetchMore(QModelIndex())
    assert model.state_at(FETCH) is None  # not handed to the view yet
    model.fetchMore(QModelIndex())
    assert model.rowCount() == 2 * FETCH
    model.fetchMore(QModelIndex())
    assert model.rowCount() == total
    assert not model.canFetchMore(QModelIndex())
    model.fetchMore(QModelIndex())  # nothing more: nothing happens
    assert model.rowCount() == total
    assert not model.canFetchMore(model.index(0, 0))  # children of a row: never

    # Finding a person past the pages fetches up to them.
    model.reload()
    assert model.rowCount() == FETCH
    last = ctx.snapshot().states[-1]  # the roster's last person, the model's last row
    assert model.row_of(last.person_id) == total - 1
    assert model.rowCount() == total
    assert model.row_of(-1) == -1

    # A filter starts again from the first page.
    model.set_filter({"group": "三组"}, None)
    assert model.total() == 2 * 550
    assert model.rowCount() == FETCH


# --- RowsModel ------------------------------------------------------------------------------

PAYMENT_COLUMNS = [("姓名", False), ("金额(元)", True), ("渠道", False), ("票据号", False)]


@pytest.fixture
def payments(ctx):
    """Three payments recorded today, read back as 今日登记 reads them (newest first)."""
    for name, fen, channel, ticket in (
        ("张三", 38000, "微信", "T-2"),
        ("王五", 100000, "支付宝", ""),
        ("李四", 5000, "村代办点", "T-1"),
    ):
        ctx.write(
            record_payment,
            person_id=person_id(ctx, name),
            amount_fen=fen,
            channel=channel,
            ticket_no=ticket,
        )
    year = get_village(ctx.db).current_year
    _count, lines = payments_entered_since(ctx.db, "2000-01-01T00:00:00Z", year=year, limit=50)
    assert [p.name for p in lines] == ["李四", "王五", "张三"]  # newest first
    return lines


def payments_model(lines) -> RowsModel:
    model = RowsModel(PAYMENT_COLUMNS)
    model.set_rows(
        [(p.name, f"{p.amount_fen / 100:,.2f}", p.channel, p.ticket_no or None) for p in lines],
        keys=[p.id for p in lines],
        sort_values=[(p.name, p.amount_fen, p.channel, p.ticket_no or None) for p in lines],
        colors=[
            GOOD
            if p.amount_fen >= 38000
            else [None, BAD, None, None]
            if p.amount_fen < 10000
            else None
            for p in lines
        ],
    )
    return model


def rows_names(model: RowsModel) -> list[str]:
    return [text(model, r, 0) for r in range(model.rowCount())]


def test_rows_model_shows_the_rows(payments):
    model = payments_model(payments)
    assert model.rowCount() == 3
    assert model.columnCount() == 4
    assert rows_names(model) == ["李四", "王五", "张三"]  # newest first, as the store gave them
    assert [model.headerData(c, Qt.Orientation.Horizontal) for c in range(4)] == [
        header for header, _right in PAYMENT_COLUMNS
    ]
    assert model.headerData(0, Qt.Orientation.Vertical) is None
    assert text(model, 1, 1) == "1,000.00"
    assert text(model, 1, 3) == ""  # no ticket: an empty cell, never "None"
    assert text(model, 0, 1, ALIGNMENT) == RIGHT  # amounts right-aligned
    assert text(model, 0, 0, ALIGNMENT) is None
    assert text(model, 0, 0, KEY_ROLE) == payments[0].id
    assert model.key_at(2) == payments[2].id
    assert model.key_at(3) is None
    assert model.row_of(payments[1].id) == 1
    assert model.row_of("nobody") == -1
    assert model.data(QModelIndex()) is None


def test_rows_model_backgrounds(payments):
    model = payments_model(payments)
    li, wang, zhang = 0, 1, 2
    brush = text(model, zhang, 0, BACKGROUND)
    assert isinstance(brush, QBrush) and brush.color() == GOOD  # the whole row
    assert text(model, zhang, 3, BACKGROUND).color() == GOOD
    assert text(model, li, 1, BACKGROUND).color() == BAD  # one cell only
    assert text(model, li, 0, BACKGROUND) is None
    assert text(model, wang, 0, BACKGROUND).color() == GOOD
    assert WARN not in (text(model, r, 0, BACKGROUND) for r in range(3))


def test_rows_model_sort(payments):
    model = payments_model(payments)
    moved = []
    model.layoutChanged.connect(lambda *args: moved.append(True))
    model.sort(1)  # by amount: the number, not its text ("1,000.00" < "380.00" as text)
    assert rows_names(model) == ["李四", "张三", "王五"]
    assert moved
    model.sort(1, Qt.SortOrder.DescendingOrder)
    assert rows_names(model) == ["王五", "张三", "李四"]
    # Keys, sort values and colours move with their rows.
    assert [model.key_at(r) for r in range(3)] == [payments[1].id, payments[2].id, payments[0].id]
    assert model.row_of(payments[1].id) == 0  # 王五
    assert text(model, 0, 0, BACKGROUND).color() == GOOD
    assert text(model, 2, 1, BACKGROUND).color() == BAD
    # Empty cells sort last going up, first going down.
    model.sort(3)
    assert rows_names(model) == ["李四", "张三", "王五"]
    model.sort(3, Qt.SortOrder.DescendingOrder)
    assert rows_names(model)[0] == "王五"


def test_rows_model_set_rows_resets(payments):
    model = payments_model(payments)
    resets = []
    model.modelReset.connect(lambda: resets.append(True))
    model.set_rows([("甲", "1.00", "微信", None)])
    assert resets and model.rowCount() == 1
    assert model.key_at(0) == 0  # no keys given: the row numbers
    assert text(model, 0, 0, BACKGROUND) is None  # no colours given
    model.set_rows([])
    model.sort(0)  # nothing to sort: no error
    assert model.rowCount() == 0
