-- 0016: conflicts a person settles in the window (issue 26). Each side of
-- a conflict says who and when: this laptop's edit when it was made, the
-- office's value by which colleague and when the office took it. A
-- resolution made offline is kept until the next sync carries it to the
-- office (sent = 0 until then). A note a former owner wrote after the case
-- was handed away is shown to the new owner with the hand-over's time.
ALTER TABLE sync_conflict ADD COLUMN mine_at TEXT NOT NULL DEFAULT '';
ALTER TABLE sync_conflict ADD COLUMN theirs_by TEXT NOT NULL DEFAULT '';
ALTER TABLE sync_conflict ADD COLUMN theirs_at TEXT NOT NULL DEFAULT '';
ALTER TABLE sync_conflict ADD COLUMN handed_at TEXT NOT NULL DEFAULT '';
ALTER TABLE sync_conflict ADD COLUMN resolved_at TEXT NOT NULL DEFAULT '';
ALTER TABLE sync_conflict ADD COLUMN resolved_by TEXT NOT NULL DEFAULT '';
ALTER TABLE sync_conflict ADD COLUMN sent INTEGER NOT NULL DEFAULT 1 CHECK (sent IN (0, 1));
