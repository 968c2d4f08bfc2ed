-- An exemption from the minimum (issue 23) is a case record like the rest:
-- it gets a gid and reaches the office's outbox while an office is joined.
ALTER TABLE exemptions ADD COLUMN gid TEXT;
CREATE UNIQUE INDEX exemptions_gid ON exemptions (gid);

CREATE TRIGGER exemptions_sync_i AFTER INSERT ON exemptions WHEN (SELECT active FROM sync_state)
BEGIN
    INSERT INTO sync_changes (tbl, rid, gid, op) VALUES ('exemptions', NEW.rowid, NEW.gid, 'insert');
END;

CREATE TRIGGER exemptions_sync_u AFTER UPDATE ON exemptions WHEN (SELECT active FROM sync_state)
BEGIN
    INSERT INTO sync_changes (tbl, rid, gid, op) VALUES ('exemptions', NEW.rowid, NEW.gid, 'update');
END;

CREATE TRIGGER exemptions_sync_d AFTER DELETE ON exemptions WHEN (SELECT active FROM sync_state)
BEGIN
    INSERT INTO sync_changes (tbl, rid, gid, op) VALUES ('exemptions', OLD.rowid, OLD.gid, 'delete');
END;
