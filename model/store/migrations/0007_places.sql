-- 0005: where citizens live and openings are (PostNord's postcodes, a
-- postcode spanning two municipalities has a row for each), each citizen's
-- reach, the category Arbejdsmarkedsbalancen published (five today), and
-- the titles imported editions add to the catalogue.
CREATE TABLE postcodes (
    code              TEXT NOT NULL CHECK (length(code) = 4),
    municipality      INTEGER NOT NULL,
    municipality_name TEXT NOT NULL,
    region            INTEGER NOT NULL,
    region_name       TEXT NOT NULL,
    town              TEXT NOT NULL,
    PRIMARY KEY (code, municipality)
) STRICT, WITHOUT ROWID;

ALTER TABLE citizens ADD COLUMN postcode TEXT NOT NULL DEFAULT '' CHECK (postcode = '' OR length(postcode) = 4);
ALTER TABLE citizens ADD COLUMN reach TEXT NOT NULL DEFAULT '' CHECK (reach IN ('', 'municipality', 'region', 'country'));
ALTER TABLE jobs ADD COLUMN postcode TEXT NOT NULL DEFAULT '' CHECK (postcode = '' OR length(postcode) = 4);
ALTER TABLE prospects ADD COLUMN category TEXT NOT NULL DEFAULT '';

CREATE TABLE catalogue_titles (
    title TEXT PRIMARY KEY,
    code  TEXT NOT NULL CHECK (length(code) = 6)
) STRICT, WITHOUT ROWID;
