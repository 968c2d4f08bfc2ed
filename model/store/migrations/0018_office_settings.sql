-- 0016: the office's settings travel (issue 26). The letterhead every
-- handout prints, the office's kind and region, its closing days, the
-- reception plan, the retention period and the related job titles
-- (model.OfficeSettingKeys) are the office's, not one laptop's: each gets a
-- gid (derived from its key, see naturalKeys) and reaches the outbox while
-- an office is joined. The laptop's own settings (the backup, the
-- catch-up mark, the anchor) stay on the laptop: their rows have no gid and
-- no trigger notes them.
ALTER TABLE settings ADD COLUMN gid TEXT;
CREATE UNIQUE INDEX settings_gid ON settings (gid);

CREATE TRIGGER settings_sync_i AFTER INSERT ON settings
WHEN (SELECT active FROM sync_state) AND NEW.key IN ('office.name', 'office.address', 'office.phone', 'office.email', 'office.hours', 'office.benefit_place', 'office.kind', 'office.region', 'office.closures', 'reception.plan', 'retention.months', 'retention.reason', 'jobs.related')
BEGIN
    INSERT INTO sync_changes (tbl, rid, gid, op) VALUES ('settings', NEW.rowid, NEW.gid, 'insert');
END;

CREATE TRIGGER settings_sync_u AFTER UPDATE ON settings
WHEN (SELECT active FROM sync_state) AND NEW.key IN ('office.name', 'office.address', 'office.phone', 'office.email', 'office.hours', 'office.benefit_place', 'office.kind', 'office.region', 'office.closures', 'reception.plan', 'retention.months', 'retention.reason', 'jobs.related')
BEGIN
    INSERT INTO sync_changes (tbl, rid, gid, op) VALUES ('settings', NEW.rowid, NEW.gid, 'update');
END;

CREATE TRIGGER settings_sync_d AFTER DELETE ON settings
WHEN (SELECT active FROM sync_state) AND OLD.key IN ('office.name', 'office.address', 'office.phone', 'office.email', 'office.hours', 'office.benefit_place', 'office.kind', 'office.region', 'office.closures', 'reception.plan', 'retention.months', 'retention.reason', 'jobs.related')
BEGIN
    INSERT INTO sync_changes (tbl, rid, gid, op) VALUES ('settings', OLD.rowid, OLD.gid, 'delete');
END;
