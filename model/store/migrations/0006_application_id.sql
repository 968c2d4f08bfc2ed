-- 0006: mark the file as Jobspor's (application_id 0x4A42_5350, "JBSP" in
-- the header's bytes 68-71), so another program's SQLite file is told apart
-- before it is opened.
PRAGMA application_id = 1245860688;
