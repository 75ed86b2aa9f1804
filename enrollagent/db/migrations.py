"""Ordered, append-only schema migrations of the village store. Never edit a released one."""

from __future__ import annotations

# Each entry: (name, SQL). PRAGMA user_version holds how many have been applied.

M001_CREATE_VILLAGE_SCHEMA = """
-- Why: the first schema of the village store, written out so it reads as the data model.
CREATE TABLE village (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    code TEXT NOT NULL,
    name TEXT NOT NULL,
    township TEXT NOT NULL,
    county TEXT NOT NULL,
    agent TEXT NOT NULL,
    agent_phone TEXT NOT NULL DEFAULT '',
    current_year INTEGER NOT NULL,
    created_at TEXT NOT NULL
);
CREATE TABLE coverage_year (
    year INTEGER PRIMARY KEY,
    policy_json TEXT NOT NULL,
    task INTEGER,
    created_at TEXT NOT NULL
);
CREATE TABLE household (
    id INTEGER PRIMARY KEY,
    uuid TEXT NOT NULL UNIQUE,
    hh_no TEXT NOT NULL DEFAULT '',
    group_name TEXT NOT NULL DEFAULT '',
    address TEXT NOT NULL DEFAULT '',
    phone TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL
);
CREATE INDEX household_hh_no ON household(hh_no);
CREATE TABLE person (
    id INTEGER PRIMARY KEY,
    uuid TEXT NOT NULL UNIQUE,
    household_id INTEGER NOT NULL REFERENCES household(id),
    name TEXT NOT NULL,
    id_number TEXT NOT NULL,
    id_valid INTEGER NOT NULL CHECK (id_valid IN (0, 1)),
    id_problem TEXT,
    birth_date TEXT,
    sex TEXT,
    relation TEXT NOT NULL DEFAULT '',
    phone TEXT NOT NULL DEFAULT '',
    note TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL
);
-- The same valid ID is one person in a village; invalid IDs (待核实) may repeat.
CREATE UNIQUE INDEX person_valid_id ON person(id_number) WHERE id_valid = 1;
CREATE INDEX person_id_number ON person(id_number);
CREATE INDEX person_household ON person(household_id);
CREATE TABLE person_year (
    person_id INTEGER NOT NULL REFERENCES person(id),
    year INTEGER NOT NULL REFERENCES coverage_year(year),
    coverage TEXT NOT NULL DEFAULT 'resident' CHECK (coverage IN
        ('resident','employee','elsewhere','school','military','deceased','moved_out')),
    coverage_note TEXT NOT NULL DEFAULT '',
    unpaid_reason TEXT NOT NULL DEFAULT '',
    unpaid_note TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (person_id, year)
);
CREATE INDEX person_year_year ON person_year(year);
CREATE TABLE special_flag (
    id INTEGER PRIMARY KEY,
    person_id INTEGER NOT NULL REFERENCES person(id),
    year INTEGER NOT NULL REFERENCES coverage_year(year),
    category TEXT NOT NULL,
    source TEXT NOT NULL,
    created_at TEXT NOT NULL,
    UNIQUE (person_id, year, category)
);
CREATE INDEX special_flag_year ON special_flag(year, category);
CREATE TABLE payment (
    id INTEGER PRIMARY KEY,
    uuid TEXT NOT NULL UNIQUE,
    person_id INTEGER NOT NULL REFERENCES person(id),
    year INTEGER NOT NULL REFERENCES coverage_year(year),
    amount_fen INTEGER NOT NULL,
    kind TEXT NOT NULL DEFAULT 'personal' CHECK (kind IN ('personal', 'subsidy')),
    paid_on TEXT NOT NULL,
    channel TEXT NOT NULL DEFAULT '',
    ticket_no TEXT UNIQUE,
    payer TEXT NOT NULL DEFAULT '',
    reverses_id INTEGER REFERENCES payment(id),
    source TEXT NOT NULL,
    note TEXT NOT NULL DEFAULT '',
    recorded_at TEXT NOT NULL
);
CREATE INDEX payment_person_year ON payment(person_id, year);
CREATE INDEX payment_year ON payment(year);
-- Payments are append-only: a correction or refund is a new row.
CREATE TRIGGER payment_no_update BEFORE UPDATE ON payment
BEGIN SELECT RAISE(ABORT, 'payments are append-only'); END;
CREATE TRIGGER payment_no_delete BEFORE DELETE ON payment
BEGIN SELECT RAISE(ABORT, 'payments are append-only'); END;
CREATE TABLE unmatched_payment (
    id INTEGER PRIMARY KEY,
    year INTEGER NOT NULL,
    id_number TEXT NOT NULL DEFAULT '',
    name TEXT NOT NULL DEFAULT '',
    amount_fen INTEGER NOT NULL,
    paid_on TEXT NOT NULL DEFAULT '',
    channel TEXT NOT NULL DEFAULT '',
    ticket_no TEXT UNIQUE,
    source TEXT NOT NULL,
    received_at TEXT NOT NULL,
    assigned_payment_id INTEGER REFERENCES payment(id),
    assigned_at TEXT
);
CREATE TABLE audit_log (
    id INTEGER PRIMARY KEY,
    at TEXT NOT NULL,
    actor TEXT NOT NULL,
    table_name TEXT NOT NULL,
    row_id INTEGER,
    field TEXT NOT NULL,
    old TEXT,
    new TEXT,
    reason TEXT NOT NULL DEFAULT ''
);
CREATE INDEX audit_log_row ON audit_log(table_name, row_id);
CREATE TABLE setting (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
CREATE TABLE import_log (
    id INTEGER PRIMARY KEY,
    kind TEXT NOT NULL,
    file_name TEXT NOT NULL,
    sha256 TEXT NOT NULL,
    rows INTEGER NOT NULL,
    report_json TEXT NOT NULL,
    at TEXT NOT NULL
);
CREATE TABLE export_log (
    id INTEGER PRIMARY KEY,
    kind TEXT NOT NULL,
    year INTEGER NOT NULL,
    sequence INTEGER,
    file_name TEXT NOT NULL,
    sha256 TEXT NOT NULL,
    at TEXT NOT NULL
);
"""

M002_ADD_CHANGE_LOG = """
-- Why: one lane for every write. Each write is one row of change_log (who, when, which
-- operation, how much it touched), so backups and amendments can count changes; its audit rows
-- point to it. The coverage year of a per-person-year audit row moves out of the table name
-- ("person_year:2024") into a column of its own: one audit shape for every table.
CREATE TABLE change_log (
    id INTEGER PRIMARY KEY,
    at TEXT NOT NULL,
    actor TEXT NOT NULL,
    op TEXT NOT NULL,
    reason TEXT NOT NULL DEFAULT '',
    persons INTEGER NOT NULL DEFAULT 0,
    households INTEGER NOT NULL DEFAULT 0,
    scope TEXT NOT NULL DEFAULT '',
    audit_rows INTEGER NOT NULL DEFAULT 0
);
ALTER TABLE audit_log ADD COLUMN change_id INTEGER REFERENCES change_log(id);
ALTER TABLE audit_log ADD COLUMN year INTEGER;
UPDATE audit_log
SET year = CAST(substr(table_name, instr(table_name, ':') + 1) AS INTEGER),
    table_name = substr(table_name, 1, instr(table_name, ':') - 1)
WHERE instr(table_name, ':') > 0;
CREATE INDEX audit_log_change ON audit_log(change_id);
"""

M003_ADD_YEARS_HISTORY = """
-- Why: every year after the first. A person carried into a new year with cover that lasts
-- (职工医保, 异地参保, 在校学生, 军人) keeps it 待确认 until the agent confirms it. The cover a
-- person had before the village's first year comes from a last-year roll's columns (连续参保年限,
-- 断保年限, 缴费修复年限): each counts the years before the row's own year.
ALTER TABLE person_year ADD COLUMN to_confirm INTEGER NOT NULL DEFAULT 0 CHECK (to_confirm IN (0, 1));
ALTER TABLE person_year ADD COLUMN prior_cover_years INTEGER;
ALTER TABLE person_year ADD COLUMN prior_gap_years INTEGER;
ALTER TABLE person_year ADD COLUMN repaired_years INTEGER NOT NULL DEFAULT 0;
"""

M004_ADD_EXPORT_CHANGE = """
-- Why: corrections after a signed package are amendments. A package reports its year's roster
-- and payments as they stood at its change; each export remembers that change, the newest
-- payment it held (payment ids only grow) and whom it reported, so a later change can be judged.
-- Packages sent before: their change from their audit row; whom they reported from the year's
-- roster rows added before it.
ALTER TABLE export_log ADD COLUMN change_id INTEGER REFERENCES change_log(id);
ALTER TABLE export_log ADD COLUMN last_payment_id INTEGER;
CREATE TABLE reported_person (
    export_id INTEGER NOT NULL REFERENCES export_log(id),
    person_id INTEGER NOT NULL REFERENCES person(id),
    PRIMARY KEY (export_id, person_id)
) WITHOUT ROWID;
UPDATE export_log SET change_id = (
    SELECT a.change_id FROM audit_log a
    WHERE a.table_name = 'export_log' AND a.row_id = export_log.id AND a.field = '*'
);
UPDATE export_log SET last_payment_id = (
    SELECT COALESCE(MAX(a.row_id), 0) FROM audit_log a
    WHERE a.table_name = 'payment' AND a.field = '*'
      AND (a.change_id IS NULL OR a.change_id < export_log.change_id)
) WHERE kind = 'package';
INSERT OR IGNORE INTO reported_person (export_id, person_id)
SELECT e.id, a.row_id FROM export_log e
JOIN audit_log a ON a.table_name = 'person_year' AND a.field = '*' AND a.new IS NOT NULL
    AND a.year = e.year AND (a.change_id IS NULL OR a.change_id < e.change_id)
JOIN person p ON p.id = a.row_id
WHERE e.kind = 'package';
CREATE INDEX export_log_kind_year ON export_log(kind, year, change_id);
"""

M005_ADD_PERSON_YEAR_NET = """
-- Why: the figures are counted in SQL at every change (status, the overview, each package); summing
-- a year's payments per person was most of that count. A person's net personal payment of the year
-- is kept on the person_year row by triggers, in the same transaction as the payment: payments are
-- append-only, so an insert is the only change; a person put on a year's roster after payments of
-- that year were recorded starts from their sum.
ALTER TABLE person_year ADD COLUMN net_fen INTEGER NOT NULL DEFAULT 0;
UPDATE person_year SET net_fen = COALESCE((
    SELECT SUM(p.amount_fen) FROM payment p
    WHERE p.person_id = person_year.person_id AND p.year = person_year.year AND p.kind = 'personal'
), 0);
CREATE TRIGGER payment_adds_to_net AFTER INSERT ON payment WHEN NEW.kind = 'personal'
BEGIN
    UPDATE person_year SET net_fen = net_fen + NEW.amount_fen
    WHERE person_id = NEW.person_id AND year = NEW.year;
END;
CREATE TRIGGER person_year_starts_from_payments AFTER INSERT ON person_year
BEGIN
    UPDATE person_year SET net_fen = COALESCE((
        SELECT SUM(p.amount_fen) FROM payment p
        WHERE p.person_id = NEW.person_id AND p.year = NEW.year AND p.kind = 'personal'
    ), 0)
    WHERE person_id = NEW.person_id AND year = NEW.year;
END;
"""

# A person-year's categories as one text, sorted, so equal sets group together.
_CATEGORIES_OF = """COALESCE((SELECT group_concat(category) FROM (
        SELECT f.category FROM special_flag f WHERE f.person_id = {pid} AND f.year = {year}
        ORDER BY f.category)), '')"""

M006_ADD_PERSON_YEAR_FIGURE_KEYS = f"""
-- Why: the figures (status, the overview, every package) are counted at each change; joining
-- person, household and special_flag for 55,000 people took ten times a count. Everything a
-- person's state and tally depend on is kept on their person_year row by triggers, in the same
-- transaction as the change, and one covering index answers the figures' GROUP BY in order.
ALTER TABLE person_year ADD COLUMN household_id INTEGER;
ALTER TABLE person_year ADD COLUMN group_name TEXT NOT NULL DEFAULT '';
ALTER TABLE person_year ADD COLUMN id_valid INTEGER NOT NULL DEFAULT 1;
ALTER TABLE person_year ADD COLUMN birth_date TEXT;
ALTER TABLE person_year ADD COLUMN categories TEXT NOT NULL DEFAULT '';
UPDATE person_year SET (household_id, id_valid, birth_date) = (
    SELECT household_id, id_valid, birth_date FROM person WHERE id = person_year.person_id);
UPDATE person_year SET group_name = COALESCE(
    (SELECT group_name FROM household WHERE id = person_year.household_id), '');
UPDATE person_year SET categories = {_CATEGORIES_OF.format(pid="person_year.person_id", year="person_year.year")};
DROP TRIGGER person_year_starts_from_payments;
CREATE TRIGGER person_year_starts_from_its_person AFTER INSERT ON person_year
BEGIN
    UPDATE person_year SET
        net_fen = COALESCE((
            SELECT SUM(p.amount_fen) FROM payment p
            WHERE p.person_id = NEW.person_id AND p.year = NEW.year AND p.kind = 'personal'
        ), 0),
        (household_id, id_valid, birth_date, group_name) = (
            SELECT p.household_id, p.id_valid, p.birth_date, h.group_name
            FROM person p JOIN household h ON h.id = p.household_id WHERE p.id = NEW.person_id),
        categories = {_CATEGORIES_OF.format(pid="NEW.person_id", year="NEW.year")}
    WHERE person_id = NEW.person_id AND year = NEW.year;
END;
CREATE TRIGGER person_to_its_years AFTER UPDATE OF household_id, id_valid, birth_date ON person
BEGIN
    UPDATE person_year SET household_id = NEW.household_id, id_valid = NEW.id_valid,
        birth_date = NEW.birth_date,
        group_name = COALESCE((SELECT group_name FROM household WHERE id = NEW.household_id), '')
    WHERE person_id = NEW.id;
END;
CREATE TRIGGER household_group_to_its_years AFTER UPDATE OF group_name ON household
BEGIN
    UPDATE person_year SET group_name = NEW.group_name
    WHERE person_id IN (SELECT id FROM person WHERE household_id = NEW.id);
END;
CREATE TRIGGER special_flag_added AFTER INSERT ON special_flag
BEGIN
    UPDATE person_year SET categories = {_CATEGORIES_OF.format(pid="NEW.person_id", year="NEW.year")}
    WHERE person_id = NEW.person_id AND year = NEW.year;
END;
CREATE TRIGGER special_flag_removed AFTER DELETE ON special_flag
BEGIN
    UPDATE person_year SET categories = {_CATEGORIES_OF.format(pid="OLD.person_id", year="OLD.year")}
    WHERE person_id = OLD.person_id AND year = OLD.year;
END;
CREATE TRIGGER special_flag_changed AFTER UPDATE ON special_flag
BEGIN
    UPDATE person_year SET categories = {_CATEGORIES_OF.format(pid="OLD.person_id", year="OLD.year")}
    WHERE person_id = OLD.person_id AND year = OLD.year;
    UPDATE person_year SET categories = {_CATEGORIES_OF.format(pid="NEW.person_id", year="NEW.year")}
    WHERE person_id = NEW.person_id AND year = NEW.year;
END;
DROP INDEX person_year_year;
CREATE INDEX person_year_figures
    ON person_year(year, group_name, coverage, categories, id_valid, net_fen, birth_date);
CREATE INDEX person_year_households ON person_year(year, household_id);
"""

M007_NET_KEPT_BY_THE_PAYMENT_WRITER = """
-- Why: the trigger that added each payment to its person's net (m005) ran inside the payment
-- insert, once per row, and with net_fen in the figures' covering index (m006) it tripled the
-- cost of a 55,000-row import. Payments have one writer (core.payments.write_payments), which now
-- adds a batch's sums to person_year in the same transaction, in one statement.
DROP TRIGGER payment_adds_to_net;
"""

M008_ADD_PAYMENT_CHANGE = """
-- Why: payments are append-only, so a payment row is its own record: it names the change that
-- wrote it, and that change's summary (who, when, why) is its history. An audit row per payment
-- repeated every field and was most of a 55,000-row import. Payments written before take their
-- change from their audit row; history reads payments from this table from now on.
-- The backfill is the one update a payment ever gets: the guard is lifted for it alone.
ALTER TABLE payment ADD COLUMN change_id INTEGER REFERENCES change_log(id);
DROP TRIGGER payment_no_update;
UPDATE payment SET change_id = (
    SELECT a.change_id FROM audit_log a
    WHERE a.table_name = 'payment' AND a.field = '*' AND a.row_id = payment.id
);
CREATE TRIGGER payment_no_update BEFORE UPDATE ON payment
BEGIN SELECT RAISE(ABORT, 'payments are append-only'); END;
CREATE INDEX payment_change ON payment(change_id);
"""

MIGRATIONS: list[tuple[str, str]] = [
    ("m001_create_village_schema", M001_CREATE_VILLAGE_SCHEMA),
    ("m002_add_change_log", M002_ADD_CHANGE_LOG),
    ("m003_add_years_history", M003_ADD_YEARS_HISTORY),
    ("m004_add_export_change", M004_ADD_EXPORT_CHANGE),
    ("m005_add_person_year_net", M005_ADD_PERSON_YEAR_NET),
    ("m006_add_person_year_figure_keys", M006_ADD_PERSON_YEAR_FIGURE_KEYS),
    ("m007_net_kept_by_the_payment_writer", M007_NET_KEPT_BY_THE_PAYMENT_WRITER),
    ("m008_add_payment_change", M008_ADD_PAYMENT_CHANGE),
]
