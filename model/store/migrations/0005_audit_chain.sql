-- 0005: the audit trail is sealed. Every audit row has a SHA-256 hash over
-- its content and the previous row's hash (audit_chain), written in the same
-- transaction; `jobspor check` recomputes the chain and names the first row
-- that does not fit. Rows written before this migration are sealed by it (in
-- Go, see audit_chain.go). Like the audit itself, the chain is append-only.
CREATE TABLE audit_chain (
    audit_id INTEGER PRIMARY KEY,
    hash     TEXT NOT NULL
) STRICT;

CREATE TRIGGER audit_chain_no_update BEFORE UPDATE ON audit_chain
BEGIN
    SELECT RAISE(ABORT, 'the audit chain is append-only');
END;

CREATE TRIGGER audit_chain_no_delete BEFORE DELETE ON audit_chain
BEGIN
    SELECT RAISE(ABORT, 'the audit chain is append-only');
END;
