"""Ordered, append-only schema migrations of the township store. Never edit a released one."""

from __future__ import annotations

# Each entry: (name, SQL). PRAGMA user_version holds how many have been applied.

M001_CREATE_TOWNSHIP_SCHEMA = """
-- Why: the first schema of the township store: villages with their pinned keys, the packages
-- received, the people of each village's latest package, and the township's task table.
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
    last_sequence INTEGER NOT NULL,
    first_seen_at TEXT NOT NULL
);
CREATE TABLE package (
    id INTEGER PRIMARY KEY,
    village_key TEXT NOT NULL REFERENCES village(key),
    year INTEGER NOT NULL,
    sequence INTEGER NOT NULL,
    file_name TEXT NOT NULL,
    sha256 TEXT NOT NULL,
    created_at TEXT NOT NULL,
    received_at TEXT NOT NULL,
    app_version TEXT NOT NULL,
    policy_json TEXT NOT NULL,
    manifest_json TEXT NOT NULL,
    UNIQUE (village_key, sequence)
);
-- The package whose people are current for a village and a coverage year.
CREATE TABLE village_year (
    village_key TEXT NOT NULL REFERENCES village(key),
    year INTEGER NOT NULL,
    package_id INTEGER NOT NULL REFERENCES package(id),
    PRIMARY KEY (village_key, year)
);
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
CREATE INDEX person_village_year ON person(village_key, year);
-- 重复参保 is a GROUP BY over valid IDs of a year.
CREATE INDEX person_year_valid_id ON person(year, id_number, village_key) WHERE id_valid = 1;
CREATE TABLE task (
    id INTEGER PRIMARY KEY,
    village_name TEXT NOT NULL,
    village_code TEXT NOT NULL,
    task INTEGER NOT NULL,
    source TEXT NOT NULL,  -- file name and row
    loaded_at TEXT NOT NULL
);
"""

M002_KEY_PACKAGES_BY_SIGNER = """
-- Why: a village that moved to a new computer signs with a new key and numbers its packages from 1
-- again, so UNIQUE (village_key, sequence) turned its first package into an internal error. Each
-- package now records the key that signed it; sequences are unique per village and key, and a
-- replay is judged per key from these rows (village.last_sequence knew only the pinned key: gone).
-- SQLite cannot change a table constraint in place: package is rebuilt, and village_year with it
-- (it references package; it is dropped first so no foreign key points at the old table).
CREATE TABLE package_by_key (
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
INSERT INTO package_by_key (id, village_key, year, sequence, public_key, file_name, sha256, created_at,
                            received_at, app_version, policy_json, manifest_json)
SELECT id, village_key, year, sequence, json_extract(manifest_json, '$.signer.public_key'), file_name,
       sha256, created_at, received_at, app_version, policy_json, manifest_json
FROM package;
CREATE TABLE village_year_by_key (
    village_key TEXT NOT NULL REFERENCES village(key),
    year INTEGER NOT NULL,
    package_id INTEGER NOT NULL REFERENCES package_by_key(id),
    PRIMARY KEY (village_key, year)
);
INSERT INTO village_year_by_key (village_key, year, package_id) SELECT village_key, year, package_id FROM village_year;
DROP TABLE village_year;
DROP TABLE package;
-- Renaming also rewrites village_year_by_key's reference to package_by_key into one to package.
ALTER TABLE package_by_key RENAME TO package;
ALTER TABLE village_year_by_key RENAME TO village_year;
ALTER TABLE village DROP COLUMN last_sequence;
"""

M003_STORE_AMENDMENTS = """
-- Why: a package lists the amendments since the village's previous package (issue 15): changes
-- to data an earlier package reported. The township keeps each package's list, to show per
-- village how many and when, and to list them; the words are the village's, as the package had them.
CREATE TABLE amendment (
    id INTEGER PRIMARY KEY,
    package_id INTEGER NOT NULL REFERENCES package(id),
    village_key TEXT NOT NULL REFERENCES village(key),
    year INTEGER NOT NULL,
    person TEXT NOT NULL,  -- whom it is about; '' for the village (its policy, its task)
    id_number TEXT NOT NULL,
    field TEXT NOT NULL,  -- what was corrected, in words: 联系电话, 缴费, 参保情况 …
    old TEXT NOT NULL,
    new TEXT NOT NULL,
    at TEXT NOT NULL,  -- UTC, when the village made the change
    who TEXT NOT NULL,
    why TEXT NOT NULL
);
CREATE INDEX amendment_year_village ON amendment(year, village_key);
"""

M004_ADD_PERSON_PHONE = """
-- Why: the report's 未缴名单 and 重复参保 are for ringing people (issue 17): each person keeps
-- the phone the village's package carries ('' from packages made before it travelled), and a
-- person's 户主 is found by household.
ALTER TABLE person ADD COLUMN phone TEXT NOT NULL DEFAULT '';
CREATE INDEX person_year_household ON person(year, household_uuid);
"""

TOWNSHIP_MIGRATIONS: list[tuple[str, str]] = [
    ("m001_create_township_schema", M001_CREATE_TOWNSHIP_SCHEMA),
    ("m002_key_packages_by_signer", M002_KEY_PACKAGES_BY_SIGNER),
    ("m003_store_amendments", M003_STORE_AMENDMENTS),
    ("m004_add_person_phone", M004_ADD_PERSON_PHONE),
]
