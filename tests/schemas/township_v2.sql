-- The township store as schema version 2 wrote it (m001, m002), migrated from township_v1.sql:
-- a released schema. test_township_amendments.py migrates a database built from this file.
PRAGMA user_version = 2;
BEGIN TRANSACTION;
CREATE TABLE "package" (
    id INTEGER PRIMARY KEY,
    village_key TEXT NOT NULL REFERENCES village(key),
    year INTEGER NOT NULL,
    sequence INTEGER NOT NULL,
    public_key TEXT NOT NULL,  -- hex of the Ed25519 key that signed this package
    file_name TEXT NOT NULL,
    sha256 TEXT NOT NULL,
    created_at TEXT NOT NULL,
    received_at TEXT NOT NULL,
    app_version TEXT NOT NULL,
    policy_json TEXT NOT NULL,
    manifest_json TEXT NOT NULL,
    UNIQUE (village_key, public_key, sequence)
);
INSERT INTO "package" VALUES(1,'411725100001',2024,1,'aee4f3430582a41acc3bc1ede8accc3b8a0ceaa304540cdc144ca686d648f3f8','411725100001-2024-001.zip','2dcc7dec4e1ac709ab00ecd86f0477545f9fb144bfc8d2aba692afd02979c7ff','2026-11-23T09:45:26Z','2026-11-23T09:45:26Z','0.1.0','{"name": "获嘉县 2024年度（河南）", "year": 2024, "standard": 380, "government_subsidy": 640, "window": {"start": "2023-09-10", "end": "2023-12-31"}, "newborn_exempt_from": "2024-01-01", "subsidies": {"extreme_poverty": {"kind": "full"}, "minimum_living": {"kind": "fixed", "amount": 80}, "returned_poverty": {"kind": "fixed", "amount": 80}, "unstable": {"kind": "fixed", "amount": 80}, "marginal": {"kind": "fixed", "amount": 80}, "sudden_hardship": {"kind": "fixed", "amount": 80}}}','{"format": "enrollagent-package", "format_version": 1, "app_version": "0.1.0", "created_at": "2026-11-23T09:45:26Z", "village": {"code": "411725100001", "name": "李庄村", "township": "留庄镇", "county": "确山县", "agent": "王明", "agent_phone": "13800000000"}, "year": 2024, "sequence": 1, "files": {"花名册.xlsx": {"sha256": "81d6e119faf829aa83ebde47c148fa6423ebc632920076bc1b3572e64841abe0", "size": 7338}, "汇总表.pdf": {"sha256": "4d4ef031ac24ae0ebc323e2f884996e144676734486a5d0c6cf5a188122a2227", "size": 54658}, "data.json": {"sha256": "5bd8594f9fea0c9a903fb914a2816a72ff5938ab7a39ff6693170c4758021f26", "size": 2041}}, "counts": {"year": 2024, "persons": 2, "households": 1, "eligible": 2, "enrolled": 1, "paid": 1, "subsidized": 0, "newborn_exempt": 0, "school": 0, "unpaid": 1, "rate": 0.5, "coverage": 0.5, "collected": 380, "task": null, "task_completion": null, "outside": {"employee": 0, "elsewhere": 0, "military": 0, "deceased": 0, "moved_out": 0}, "special": {"minimum_living": {"persons": 1, "enrolled": 0}}, "by_group": {"一组": {"persons": 2, "eligible": 2, "enrolled": 1, "unpaid": 1, "rate": 0.5, "collected": 380}}, "attention": {"invalid_id": 0, "double_paid": 0, "refund_due": 0, "unmatched_payments": 0}}, "signer": {"algorithm": "Ed25519", "public_key": "aee4f3430582a41acc3bc1ede8accc3b8a0ceaa304540cdc144ca686d648f3f8", "fingerprint": "2C63 4545 89F8 DC15 D30D 7FED 7889 947B"}}');
CREATE TABLE person (
    id INTEGER PRIMARY KEY,
    village_key TEXT NOT NULL,
    year INTEGER NOT NULL,
    uuid TEXT NOT NULL,
    household_uuid TEXT NOT NULL,
    group_name TEXT NOT NULL,
    hh_no TEXT NOT NULL,
    name TEXT NOT NULL,
    id_number TEXT NOT NULL,
    id_valid INTEGER NOT NULL,
    birth_date TEXT,
    sex TEXT,
    relation TEXT NOT NULL,
    coverage TEXT NOT NULL,
    coverage_note TEXT NOT NULL,
    unpaid_reason TEXT NOT NULL,
    categories TEXT NOT NULL,  -- category codes joined by ','; '' when none
    payable_fen INTEGER NOT NULL,
    net_fen INTEGER NOT NULL,
    state TEXT NOT NULL
);
INSERT INTO "person" VALUES(1,'411725100001',2024,'40143afd-b54b-426a-9995-1d5a7d32fa10','3a057102-edab-414a-8cc1-77abd4efce28','一组','','张一','411725197001010011',1,'1970-01-01','男','户主','resident','','','',38000,38000,'paid');
INSERT INTO "person" VALUES(2,'411725100001',2024,'3224628d-c9e8-46c6-9904-65bcdfff2c75','3a057102-edab-414a-8cc1-77abd4efce28','一组','','张二','41172519700101002X',1,'1970-01-01','女','其他','resident','','','minimum_living',30000,0,'unpaid');
CREATE TABLE task (
    id INTEGER PRIMARY KEY,
    village_name TEXT NOT NULL,
    village_code TEXT NOT NULL,
    task INTEGER NOT NULL,
    source TEXT NOT NULL,  -- file name and row
    loaded_at TEXT NOT NULL
);
INSERT INTO "task" VALUES(1,'李庄村','411725100001',4,'任务.xlsx:任务分配:4','2026-11-23T09:00:00Z');
CREATE TABLE village (
    key TEXT PRIMARY KEY,  -- the 12-digit village code, or the name of a village without one
    code TEXT NOT NULL,
    name TEXT NOT NULL,
    township TEXT NOT NULL,
    county TEXT NOT NULL,
    agent TEXT NOT NULL,
    agent_phone TEXT NOT NULL,
    public_key TEXT NOT NULL,  -- pinned by the village's first package
    fingerprint TEXT NOT NULL,
    first_seen_at TEXT NOT NULL
);
INSERT INTO "village" VALUES('411725100001','411725100001','李庄村','留庄镇','确山县','王明','13800000000','aee4f3430582a41acc3bc1ede8accc3b8a0ceaa304540cdc144ca686d648f3f8','2C63 4545 89F8 DC15 D30D 7FED 7889 947B','2026-11-23T09:45:26Z');
CREATE TABLE "village_year" (
    village_key TEXT NOT NULL REFERENCES village(key),
    year INTEGER NOT NULL,
    package_id INTEGER NOT NULL REFERENCES "package"(id),
    PRIMARY KEY (village_key, year)
);
INSERT INTO "village_year" VALUES('411725100001',2024,1);
CREATE INDEX person_village_year ON person(village_key, year);
CREATE INDEX person_year_valid_id ON person(year, id_number, village_key) WHERE id_valid = 1;
COMMIT;
