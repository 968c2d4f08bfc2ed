-- 0019: one caseworker's Today and caseload read their own citizens from
-- citizens_caseworker alone (issue 27: flat in the office's size). Their
-- citizens lie scattered over the whole table, a page each in a large
-- office; every part of Today read them again, and at 50,000 citizens those
-- pages no longer stayed in SQLite's page cache. The index now holds every
-- column those reads filter on or show, sorted by caseworker: one
-- caseworker's few hundred entries fill a few adjacent pages. The rows
-- themselves are read only for the citizens the rules' figures and
-- deadlines count (their dates are in the index to choose them).
DROP INDEX citizens_caseworker;
CREATE INDEX citizens_caseworker ON citizens (caseworker, status, first_contact, unemployed_since,
    name_key, name, phone, cpr, birth_date, reception_variant, track);
