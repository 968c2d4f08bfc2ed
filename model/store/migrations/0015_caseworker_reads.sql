-- One caseworker's Today reads their own citizens first and seeks each
-- one's open notices here, instead of the office's open notices filtered
-- (issue 27: their Today flat in the office's size).
CREATE INDEX notices_citizen ON notices (citizen_id, acknowledged_at);
