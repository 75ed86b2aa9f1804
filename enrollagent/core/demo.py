"""A practice village built through the core (`enrollagent demo`, the wizard's 建一个练习村, screenshots).

Households of 1–6 in groups 一组…六组, every special group, most people paid by mixed channels,
some invalid IDs (checksum, Excel-rounded), a person entered twice, a double payment, a refund and
an unmatched payment. The village is marked 练习 so nothing from it is taken for real."""

from __future__ import annotations

import random
from datetime import date, timedelta

import sqlite_utils

from ..core import ids
from ..core.figures import person_states
from ..core.lane import write
from ..core.payments import add_unmatched, record_payment, record_refund, write_payments
from ..core.people import person_info
from ..core.policy import load_policy
from ..core.roster import add_household, add_person, flag_person, set_coverage, set_unpaid_reason
from ..core.village import init_village, mark_practice, set_task
from ..core.vocab import CATEGORIES

SURNAMES = "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶阎余潘杜戴夏钟汪田任姜范方石姚谭廖邹熊金陆郝孔白崔康毛邱秦江史顾侯邵孟龙万段雷钱汤尹黎易常武乔贺赖龚文"
GIVEN = "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超兰霞平刚桂华建国红梅玉凤春生海林文德福荣志兵新宇浩然子轩欣怡思雨梓涵一诺晨阳俊杰小明小红淑珍秀兰桂英玉兰"
GROUPS = ("一组", "二组", "三组", "四组", "五组", "六组")
CHANNELS = ("微信", "微信", "微信", "支付宝", "税务APP", "豫事办", "村代办点", "银行柜台")
ACTOR = "王明"
# A real division code (获嘉县) so the IDs look like the village's own.
REGION = "410724"


def _id(rng: random.Random, born: date, male: bool) -> str:
    seq = rng.randrange(0, 500) * 2 + (1 if male else 0)
    body = f"{REGION}{born:%Y%m%d}{seq:03d}"
    return body + ids.check_char(body)


def _name(rng: random.Random, surname: str) -> str:
    given = rng.choice(GIVEN) if rng.random() < 0.35 else rng.choice(GIVEN) + rng.choice(GIVEN)
    return surname + given


def _born(rng: random.Random, lo: int, hi: int) -> date:
    return date(2023, 9, 1) - timedelta(days=rng.randrange(lo * 365, hi * 365 + 1))


def build_demo(db: sqlite_utils.Database, *, size: int = 6000, seed: int = 7) -> dict:
    """Fill an empty store with a village of about `size` persons; returns a few counts."""
    rng = random.Random(seed)
    policy = load_policy("huojia-2024")
    init_village(
        db,
        code="410724100201",
        name="大王庄村",
        township="照镜镇",
        county="获嘉县",
        agent=ACTOR,
        agent_phone="13837312345",
        policy=policy,
        task=round(size * 0.97),
    )
    set_task(db, policy.year, round(size * 0.97), actor=ACTOR)
    mark_practice(db, actor=ACTOR)
    persons: list[int] = []
    used: set[str] = set()
    hh_no = 0
    with write(db, actor=ACTOR, op="demo_roster"):
        while len(persons) < size:
            hh_no += 1
            surname = rng.choice(SURNAMES)
            group = GROUPS[min(len(GROUPS) - 1, int(len(persons) / size * len(GROUPS)))]
            phone = f"13{rng.randrange(0, 10)}{rng.randrange(10**8):08d}"
            hid = add_household(
                db,
                actor=ACTOR,
                hh_no=f"{hh_no:04d}",
                group_name=group,
                address=f"{group}{rng.randrange(1, 80)}号",
                phone=phone,
            ).id
            size_hh = rng.choice((1, 2, 2, 3, 3, 4, 4, 4, 5, 6))
            head_male = rng.random() < 0.85
            members = [("户主", _born(rng, 30, 80), head_male, surname)]
            if size_hh > 1:
                members.append(("配偶", _born(rng, 28, 78), not head_male, rng.choice(SURNAMES)))
            for _ in range(size_hh - len(members)):
                male = rng.random() < 0.5
                members.append(("子" if male else "女", _born(rng, 0, 35), male, surname))
            for relation, born, male, sname in members:
                number = _id(rng, born, male)
                while number in used:
                    number = _id(rng, born, male)
                used.add(number)
                pid = add_person(
                    db,
                    household_id=hid,
                    name=_name(rng, sname),
                    id_number=number,
                    relation=relation,
                    actor=ACTOR,
                    today=date(2023, 9, 1),
                ).id
                persons.append(pid)
    _decorate(db, rng, persons)
    return {"persons": len(persons), "households": hh_no}


def _decorate(db: sqlite_utils.Database, rng: random.Random, persons: list[int]) -> None:
    with write(db, actor=ACTOR, op="demo_decorate") as w:
        # A few IDs typed wrong or rounded by Excel: kept and flagged 待核实.
        for pid in rng.sample(persons, max(3, len(persons) // 600)):
            number = person_info(db, pid).id_number
            bad = number[:17] + ("0" if number[17] != "0" else "1")
            w.update("person", pid, {"id_number": bad, "id_valid": 0, "id_problem": "id_checksum"})
        rest = persons[:]
        rng.shuffle(rest)
        cats = (
            ["minimum_living"] * 6
            + ["lifted_poverty"] * 5
            + ["marginal"] * 2
            + ["extreme_poverty", "severe_disability", "unstable", "orphan"]
        )
        n_special = max(len(CATEGORIES), len(persons) // 14)
        # Each group at least once, so every rule of the policy can be tried.
        groups = [c.code for c in CATEGORIES] + [rng.choice(cats) for _ in range(n_special)]
        for pid, code in zip(rest[:n_special], groups, strict=False):
            flag_person(db, pid, code, actor=ACTOR, source="民政局名单.xlsx")
        coverage = rest[n_special : n_special + len(persons) // 12]
        kinds = (
            ["employee"] * 4
            + ["elsewhere"] * 3
            + ["school"] * 3
            + ["military", "deceased", "moved_out"]
        )
        for pid in coverage:
            kind = rng.choice(kinds)
            set_coverage(db, pid, kind, actor=ACTOR, note="广东东莞" if kind == "elsewhere" else "")
        start = date(2023, 9, 10)
        payers = rest[:n_special] + rest[n_special + len(coverage) :]
        rng.shuffle(payers)
        paid = payers[: int(len(payers) * 0.83)]
        # record_payment looks the person's state up one by one; at 55,000 that is minutes, so the
        # demo computes every state once and writes through the same payment writer.
        owed = {s.person_id: s.owed_fen for s in person_states(db, person_ids=paid)}
        write_payments(
            w,
            [
                {
                    "person_id": pid,
                    "year": 2024,
                    "amount_fen": owed[pid],
                    "channel": rng.choice(CHANNELS),
                    "paid_on": (start + timedelta(days=rng.randrange(0, 75))).isoformat(),
                    "ticket_no": f"3410724231{i:09d}",
                    "source": "manual",
                }
                for i, pid in enumerate(paid)
                if owed.get(pid, 0) > 0
            ],
        )
        unpaid = payers[len(paid) :]
        reasons = ["长期外出/联系不上", "不愿参保", "经济困难/交不起", "拒缴", "人户分离/情况不明"]
        for pid in unpaid[: len(unpaid) // 3]:
            set_unpaid_reason(db, pid, rng.choice(reasons), actor=ACTOR)
        _duplicate(db, unpaid[-1], paid)
        # A double payment (paid twice by two family members) and one already refunded.
        for pid in paid[:2]:
            record_payment(
                db,
                person_id=pid,
                actor=ACTOR,
                amount_fen=38000,
                channel="微信",
                paid_on=date(2023, 11, 2),
            )
        record_refund(
            db,
            person_id=paid[1],
            amount_fen=38000,
            actor=ACTOR,
            reason="重复缴费退费",
            paid_on=date(2023, 11, 20),
        )
        add_unmatched(
            db,
            year=2024,
            amount_fen=38000,
            source="税务明细.xlsx:第88行",
            actor=ACTOR,
            id_number="410724199001011234",
            name="张某某",
            paid_on="2023-10-12",
            channel="税务APP",
            ticket_no="341072423199999999",
        )


def _duplicate(db: sqlite_utils.Database, pid: int, others: list[int]) -> None:
    """The same person entered a second time, in another household, the ID rounded by Excel (so
    not refused as a duplicate): kept 待核实, and the first one marked 重复参保待清理."""
    first = person_info(db, pid)
    households = (person_info(db, o).household_id for o in others)
    other = next(h for h in households if h != first.household_id)
    add_person(
        db,
        household_id=other,
        name=first.name,
        id_number=first.id_number[:15] + "000",
        relation="其他",
        actor=ACTOR,
        allow_invalid=True,
        today=date(2023, 9, 1),
    )
    set_unpaid_reason(db, pid, "重复参保待清理", actor=ACTOR)
