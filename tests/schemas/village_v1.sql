-- The village store as schema version 1 wrote it (m001), with a few rows: a released schema.
-- test_store.py opens a database built from this file, so later migrations must accept it.
PRAGMA user_version = 1;
BEGIN TRANSACTION;
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
INSERT INTO "audit_log" VALUES(1,'2026-11-23T06:55:42Z','王明','village',1,'id',NULL,'1','init');
INSERT INTO "audit_log" VALUES(2,'2026-11-23T06:55:42Z','王明','village',1,'code',NULL,'411725100001','init');
INSERT INTO "audit_log" VALUES(3,'2026-11-23T06:55:42Z','王明','village',1,'name',NULL,'李庄村','init');
INSERT INTO "audit_log" VALUES(4,'2026-11-23T06:55:42Z','王明','village',1,'township',NULL,'留庄镇','init');
INSERT INTO "audit_log" VALUES(5,'2026-11-23T06:55:42Z','王明','village',1,'county',NULL,'确山县','init');
INSERT INTO "audit_log" VALUES(6,'2026-11-23T06:55:42Z','王明','village',1,'agent',NULL,'王明','init');
INSERT INTO "audit_log" VALUES(7,'2026-11-23T06:55:42Z','王明','village',1,'agent_phone',NULL,'13800000000','init');
INSERT INTO "audit_log" VALUES(8,'2026-11-23T06:55:42Z','王明','village',1,'current_year',NULL,'2024','init');
INSERT INTO "audit_log" VALUES(9,'2026-11-23T06:55:42Z','王明','village',1,'created_at',NULL,'2026-11-23T06:55:42Z','init');
INSERT INTO "audit_log" VALUES(10,'2026-11-23T06:55:42Z','王明','coverage_year',2024,'policy_json',NULL,'{"name": "获嘉县 2024年度（河南）", "year": 2024, "standard": 380, "government_subsidy": 640, "window": {"start": "2023-09-10", "end": "2023-12-31"}, "newborn_exempt_from": "2024-01-01", "subsidies": {"extreme_poverty": {"kind": "full"}, "minimum_living": {"kind": "fixed", "amount": 80}, "returned_poverty": {"kind": "fixed", "amount": 80}, "unstable": {"kind": "fixed", "amount": 80}, "marginal": {"kind": "fixed", "amount": 80}, "sudden_hardship": {"kind": "fixed", "amount": 80}}}','');
INSERT INTO "audit_log" VALUES(11,'2026-11-23T06:55:42Z','王明','household',1,'uuid',NULL,'e448ae7a-aff1-4195-be2e-ab6a8941aa7a','');
INSERT INTO "audit_log" VALUES(12,'2026-11-23T06:55:42Z','王明','household',1,'hh_no',NULL,'001','');
INSERT INTO "audit_log" VALUES(13,'2026-11-23T06:55:42Z','王明','household',1,'group_name',NULL,'一组','');
INSERT INTO "audit_log" VALUES(14,'2026-11-23T06:55:42Z','王明','household',1,'phone',NULL,'13800000000','');
INSERT INTO "audit_log" VALUES(15,'2026-11-23T06:55:42Z','王明','household',1,'created_at',NULL,'2026-11-23T06:55:42Z','');
INSERT INTO "audit_log" VALUES(16,'2026-11-23T06:55:42Z','王明','person',1,'uuid',NULL,'1a890c14-5da6-4f39-b812-01ce665eac01','manual');
INSERT INTO "audit_log" VALUES(17,'2026-11-23T06:55:42Z','王明','person',1,'household_id',NULL,'1','manual');
INSERT INTO "audit_log" VALUES(18,'2026-11-23T06:55:42Z','王明','person',1,'name',NULL,'张三','manual');
INSERT INTO "audit_log" VALUES(19,'2026-11-23T06:55:42Z','王明','person',1,'id_number',NULL,'11010519491231002X','manual');
INSERT INTO "audit_log" VALUES(20,'2026-11-23T06:55:42Z','王明','person',1,'id_valid',NULL,'1','manual');
INSERT INTO "audit_log" VALUES(21,'2026-11-23T06:55:42Z','王明','person',1,'birth_date',NULL,'1949-12-31','manual');
INSERT INTO "audit_log" VALUES(22,'2026-11-23T06:55:42Z','王明','person',1,'sex',NULL,'女','manual');
INSERT INTO "audit_log" VALUES(23,'2026-11-23T06:55:42Z','王明','person',1,'relation',NULL,'户主','manual');
INSERT INTO "audit_log" VALUES(24,'2026-11-23T06:55:42Z','王明','person',1,'created_at',NULL,'2026-11-23T06:55:42Z','manual');
INSERT INTO "audit_log" VALUES(25,'2026-11-23T06:55:42Z','王明','person',2,'uuid',NULL,'28e5d13c-5d3d-4722-b901-3cfd1d2972f0','manual');
INSERT INTO "audit_log" VALUES(26,'2026-11-23T06:55:42Z','王明','person',2,'household_id',NULL,'1','manual');
INSERT INTO "audit_log" VALUES(27,'2026-11-23T06:55:42Z','王明','person',2,'name',NULL,'李四','manual');
INSERT INTO "audit_log" VALUES(28,'2026-11-23T06:55:42Z','王明','person',2,'id_number',NULL,'4.11725E+17','manual');
INSERT INTO "audit_log" VALUES(29,'2026-11-23T06:55:42Z','王明','person',2,'id_valid',NULL,'0','manual');
INSERT INTO "audit_log" VALUES(30,'2026-11-23T06:55:42Z','王明','person',2,'id_problem',NULL,'id_length','manual');
INSERT INTO "audit_log" VALUES(31,'2026-11-23T06:55:42Z','王明','person',2,'created_at',NULL,'2026-11-23T06:55:42Z','manual');
INSERT INTO "audit_log" VALUES(32,'2026-11-23T06:55:42Z','王明','special_flag:2024',2,'minimum_living',NULL,'manual','');
INSERT INTO "audit_log" VALUES(33,'2026-11-23T06:55:42Z','王明','payment',1,'person_id',NULL,'1','');
INSERT INTO "audit_log" VALUES(34,'2026-11-23T06:55:42Z','王明','payment',1,'year',NULL,'2024','');
INSERT INTO "audit_log" VALUES(35,'2026-11-23T06:55:42Z','王明','payment',1,'amount_fen',NULL,'38000','');
INSERT INTO "audit_log" VALUES(36,'2026-11-23T06:55:42Z','王明','payment',1,'kind',NULL,'personal','');
INSERT INTO "audit_log" VALUES(37,'2026-11-23T06:55:42Z','王明','payment',1,'paid_on',NULL,'2026-11-23','');
INSERT INTO "audit_log" VALUES(38,'2026-11-23T06:55:42Z','王明','payment',1,'channel',NULL,'村代办点','');
INSERT INTO "audit_log" VALUES(39,'2026-11-23T06:55:42Z','王明','payment',1,'ticket_no',NULL,'T1','');
INSERT INTO "audit_log" VALUES(40,'2026-11-23T06:55:42Z','王明','payment',1,'source',NULL,'manual','');
INSERT INTO "audit_log" VALUES(41,'2026-11-23T06:55:42Z','王明','payment',1,'uuid',NULL,'63e281f2-be43-4090-842c-edca47a749e4','');
INSERT INTO "audit_log" VALUES(42,'2026-11-23T06:55:42Z','王明','payment',1,'recorded_at',NULL,'2026-11-23T06:55:42Z','');
INSERT INTO "audit_log" VALUES(43,'2026-11-23T06:55:42Z','王明','unmatched_payment',1,'year',NULL,'2024','');
INSERT INTO "audit_log" VALUES(44,'2026-11-23T06:55:42Z','王明','unmatched_payment',1,'name',NULL,'某','');
INSERT INTO "audit_log" VALUES(45,'2026-11-23T06:55:42Z','王明','unmatched_payment',1,'amount_fen',NULL,'38000','');
INSERT INTO "audit_log" VALUES(46,'2026-11-23T06:55:42Z','王明','unmatched_payment',1,'ticket_no',NULL,'T2','');
INSERT INTO "audit_log" VALUES(47,'2026-11-23T06:55:42Z','王明','unmatched_payment',1,'source',NULL,'x.csv:2','');
INSERT INTO "audit_log" VALUES(48,'2026-11-23T06:55:42Z','王明','unmatched_payment',1,'received_at',NULL,'2026-11-23T06:55:42Z','');
CREATE TABLE coverage_year (
    year INTEGER PRIMARY KEY,
    policy_json TEXT NOT NULL,
    task INTEGER,
    created_at TEXT NOT NULL
);
INSERT INTO "coverage_year" VALUES(2024,'{"name": "获嘉县 2024年度（河南）", "year": 2024, "standard": 380, "government_subsidy": 640, "window": {"start": "2023-09-10", "end": "2023-12-31"}, "newborn_exempt_from": "2024-01-01", "subsidies": {"extreme_poverty": {"kind": "full"}, "minimum_living": {"kind": "fixed", "amount": 80}, "returned_poverty": {"kind": "fixed", "amount": 80}, "unstable": {"kind": "fixed", "amount": 80}, "marginal": {"kind": "fixed", "amount": 80}, "sudden_hardship": {"kind": "fixed", "amount": 80}}}',NULL,'2026-11-23T06:55:42Z');
CREATE TABLE export_log (
    id INTEGER PRIMARY KEY,
    kind TEXT NOT NULL,
    year INTEGER NOT NULL,
    sequence INTEGER,
    file_name TEXT NOT NULL,
    sha256 TEXT NOT NULL,
    at TEXT NOT NULL
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
INSERT INTO "household" VALUES(1,'e448ae7a-aff1-4195-be2e-ab6a8941aa7a','001','一组','','13800000000','2026-11-23T06:55:42Z');
CREATE TABLE import_log (
    id INTEGER PRIMARY KEY,
    kind TEXT NOT NULL,
    file_name TEXT NOT NULL,
    sha256 TEXT NOT NULL,
    rows INTEGER NOT NULL,
    report_json TEXT NOT NULL,
    at TEXT NOT NULL
);
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
INSERT INTO "payment" VALUES(1,'63e281f2-be43-4090-842c-edca47a749e4',1,2024,38000,'personal','2026-11-23','村代办点','T1','',NULL,'manual','','2026-11-23T06:55:42Z');
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
INSERT INTO "person" VALUES(1,'1a890c14-5da6-4f39-b812-01ce665eac01',1,'张三','11010519491231002X',1,NULL,'1949-12-31','女','户主','','','2026-11-23T06:55:42Z');
INSERT INTO "person" VALUES(2,'28e5d13c-5d3d-4722-b901-3cfd1d2972f0',1,'李四','4.11725E+17',0,'id_length',NULL,NULL,'','','','2026-11-23T06:55:42Z');
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
INSERT INTO "person_year" VALUES(1,2024,'resident','','','');
INSERT INTO "person_year" VALUES(2,2024,'resident','','','');
CREATE TABLE setting (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
CREATE TABLE special_flag (
    id INTEGER PRIMARY KEY,
    person_id INTEGER NOT NULL REFERENCES person(id),
    year INTEGER NOT NULL REFERENCES coverage_year(year),
    category TEXT NOT NULL,
    source TEXT NOT NULL,
    created_at TEXT NOT NULL,
    UNIQUE (person_id, year, category)
);
INSERT INTO "special_flag" VALUES(1,2,2024,'minimum_living','manual','2026-11-23T06:55:42Z');
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
INSERT INTO "unmatched_payment" VALUES(1,2024,'','某',38000,'','','T2','x.csv:2','2026-11-23T06:55:42Z',NULL,NULL);
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
INSERT INTO "village" VALUES(1,'411725100001','李庄村','留庄镇','确山县','王明','13800000000',2024,'2026-11-23T06:55:42Z');
CREATE INDEX household_hh_no ON household(hh_no);
CREATE UNIQUE INDEX person_valid_id ON person(id_number) WHERE id_valid = 1;
CREATE INDEX person_id_number ON person(id_number);
CREATE INDEX person_household ON person(household_id);
CREATE INDEX person_year_year ON person_year(year);
CREATE INDEX special_flag_year ON special_flag(year, category);
CREATE INDEX payment_person_year ON payment(person_id, year);
CREATE INDEX payment_year ON payment(year);
CREATE TRIGGER payment_no_update BEFORE UPDATE ON payment
BEGIN SELECT RAISE(ABORT, 'payments are append-only'); END;
CREATE TRIGGER payment_no_delete BEFORE DELETE ON payment
BEGIN SELECT RAISE(ABORT, 'payments are append-only'); END;
CREATE INDEX audit_log_row ON audit_log(table_name, row_id);
COMMIT;
