package store

// A laptop already in use joins an office (issues 24/26). What it holds of
// the office's own data (the job list, the prospects, the roster, the
// office's settings) is mostly the office's list in another copy: the same
// job typed in or imported on two laptops. Such rows are matched by what
// makes them the same row (OfficeDataKeys) and take the office's gid, so
// they are not sent back as a second copy (or, where only the lead writes,
// as operations the office refuses) and the first pull puts the office's
// version in their place: the office's list wins. What the office does not
// have is sent where the caseworker's role may write it (a job) and
// otherwise named in the join's summary and kept in the copy made before
// the join (KeepCopyBeforeOffice).

import (
	"database/sql"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"jobspor/model"
)

// OfficeDataKeys are the columns that make an office-data row the same row
// on two laptops (edition_id as the edition's gid).
var OfficeDataKeys = map[string][]string{
	"caseworkers":       {"initials"},
	"jobs":              {"title", "employer", "place", "deadline"},
	"prospect_editions": {"published"},
	"prospects":         {"edition_id", "region", "title"},
	"settings":          {"key"},
}

// OfficeRow is an office-data row the office holds: its gid, its key (the
// OfficeDataKeys' values joined by KeyJoin) and, for a setting, its value.
type OfficeRow struct {
	Gid, Key, Value string
}

// KeyJoin joins a key's values.
func KeyJoin(vals ...string) string { return strings.Join(vals, "\x1f") }

// officeKeySQL reads a table's local rows as rowid, gid, key values (and a
// setting's value).
var officeKeySQL = map[string]string{
	"caseworkers":       `SELECT rowid, coalesce(gid, ''), initials, '' FROM caseworkers`,
	"jobs":              `SELECT rowid, coalesce(gid, ''), title, employer, place, deadline, '' FROM jobs`,
	"prospect_editions": `SELECT rowid, coalesce(gid, ''), published, '' FROM prospect_editions`,
	"prospects": `SELECT p.rowid, coalesce(p.gid, ''), coalesce(e.gid, ''), p.region, p.title, ''
		FROM prospects p JOIN prospect_editions e ON e.id = p.edition_id`,
	"settings": `SELECT rowid, gid, key, value FROM settings WHERE gid IS NOT NULL`,
}

// Adopted is what AdoptOfficeRows found: per table how many of this
// laptop's rows the office already had, and the office's settings whose
// value here differed (the office's value wins at the first pull).
type Adopted struct {
	Rows     map[string]int
	Differed []string
}

// AdoptOfficeRows gives every office-data row this laptop holds that the
// office already has (the same key) the office's gid and marks it as the
// office's record (version 0: not sent with the history; the first pull
// writes the office's version over it), in one transaction. References to
// a job or an edition follow its gid, since they travel as gids.
func (s *Store) AdoptOfficeRows(office map[string][]OfficeRow) (Adopted, error) {
	out := Adopted{Rows: map[string]int{}}
	err := s.syncTx("office join", func(tx *sql.Tx) error {
		for _, t := range SyncTables { // editions before their prospects
			rows := office[t.Name]
			if len(rows) == 0 || officeKeySQL[t.Name] == "" {
				continue
			}
			n, differed, err := adoptTable(tx, t.Name, rows)
			if err != nil {
				return fmt.Errorf("office join, %s: %w", t.Name, err)
			}
			out.Rows[t.Name] = n
			out.Differed = append(out.Differed, differed...)
		}
		return nil
	})
	return out, err
}

type localKeyed struct {
	rid        int64
	gid, value string
}

func adoptTable(tx *sql.Tx, table string, office []OfficeRow) (int, []string, error) {
	local, err := localKeys(tx, table)
	if err != nil {
		return 0, nil, err
	}
	known, err := tx.Prepare(`INSERT INTO sync_record (gid, tbl, version) VALUES (?, ?, 0) ON CONFLICT (gid) DO NOTHING`)
	if err != nil {
		return 0, nil, err
	}
	defer known.Close()
	n := 0
	var differed []string
	for _, o := range office {
		l, ok := local[o.Key]
		if !ok {
			continue
		}
		delete(local, o.Key) // a second local row of the same key stays this laptop's own
		if l.gid != o.Gid {
			var taken int
			if err := tx.QueryRow(`SELECT count(*) FROM `+table+` WHERE gid = ?`, o.Gid).Scan(&taken); err != nil {
				return 0, nil, err
			}
			if taken > 0 {
				continue // another row here holds it already
			}
			if _, err := tx.Exec(`UPDATE `+table+` SET gid = ? WHERE rowid = ?`, o.Gid, l.rid); err != nil {
				return 0, nil, err
			}
		}
		if _, err := known.Exec(o.Gid, table); err != nil {
			return 0, nil, err
		}
		if table == "settings" && l.value != o.Value {
			differed = append(differed, o.Key)
		}
		n++
	}
	return n, differed, nil
}

// localKeys reads a table's rows by key (the first row of each key).
func localKeys(tx *sql.Tx, table string) (map[string]localKeyed, error) {
	rows, err := tx.Query(officeKeySQL[table])
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	cols, _ := rows.Columns()
	out := map[string]localKeyed{}
	for rows.Next() {
		vals, err := scanValues(rows, len(cols))
		if err != nil {
			return nil, err
		}
		key := make([]string, 0, len(cols)-3)
		for _, v := range vals[2 : len(cols)-1] {
			key = append(key, fmt.Sprint(v))
		}
		k := KeyJoin(key...)
		if _, seen := out[k]; !seen {
			gid, _ := vals[1].(string)
			value, _ := vals[len(cols)-1].(string)
			out[k] = localKeyed{rid: asInt(vals[0]), gid: gid, value: value}
		}
	}
	return out, rows.Err()
}

// keyJoinCopy is the setting naming the copy made before this laptop joined.
const keyJoinCopy = "office.join.copy"

// JoinCopyName is in the name of the copy a join keeps.
const JoinCopyName = "-før-kontor-"

// KeepCopyBeforeOffice makes, once per join, a private copy of the database
// beside it (VACUUM INTO, "<database>-før-kontor-<time>", 0600) before the
// office's first pull replaces what the office holds otherwise: what was
// not taken over stays readable there. A laptop holding nothing gets none.
// It returns the copy's path ("" none).
func (s *Store) KeepCopyBeforeOffice() (string, error) {
	if p, err := s.setting(keyJoinCopy); err != nil || p != "" {
		return p, err
	}
	var any bool
	if err := s.db.QueryRow(`SELECT EXISTS (SELECT 1 FROM citizens) OR EXISTS (SELECT 1 FROM jobs)
		OR EXISTS (SELECT 1 FROM caseworkers) OR EXISTS (SELECT 1 FROM prospect_editions)
		OR EXISTS (SELECT 1 FROM settings WHERE gid IS NOT NULL)`).Scan(&any); err != nil || !any {
		return "", err
	}
	op, err := newTempOp(s.path, "join")
	if err != nil {
		return "", err
	}
	defer op.done()
	snap, err := op.file("copy.db")
	if err != nil {
		return "", err
	}
	head, start, err := copyBeside(s.path, snap)
	if err != nil {
		return "", err
	}
	base := s.path + JoinCopyName + s.Now().Local().Format("2006-01-02-150405")
	for i := 1; i < 100; i++ {
		path := base
		if i > 1 {
			path = fmt.Sprintf("%s-%02d", base, i)
		}
		err := keepCopy(snap, path)
		if errors.Is(err, os.ErrExist) {
			continue
		}
		if err == nil { // the copy's own anchor starts at its head, as a restored file's does
			err = (&Store{path: path, Now: s.Now}).recordAnchor("restore", head, start)
		}
		if err == nil {
			err = model.SyncDir(filepath.Dir(s.path))
		}
		if err != nil {
			return "", explainWrite(err)
		}
		return path, s.saveSetting(keyJoinCopy, path)
	}
	return "", explainWrite(fmt.Errorf("no free name for the copy before joining beside %s", s.path))
}

// copyBeside copies the database at path into the empty private file snap
// on a connection of its own (WAL: the store's one connection, and the
// window with it, is not held while the whole file is read), checks the
// copy's audit trail and returns its head and start.
func copyBeside(path, snap string) (head, start model.ChainHead, err error) {
	db, err := sql.Open("sqlite", dsn(path))
	if err != nil {
		return head, start, err
	}
	defer db.Close()
	if _, err := db.Exec(`VACUUM INTO ?`, snap); err != nil {
		return head, start, explainBusy(fmt.Errorf("copy the database: %w", err))
	}
	head, problem, err := copyHead(snap)
	if err != nil {
		return head, start, err
	}
	if problem != nil {
		return head, start, &model.UserError{Msg: *problem}
	}
	c, err := sql.Open("sqlite", snap)
	if err != nil {
		return head, start, err
	}
	defer c.Close()
	start, err = auditStart(c)
	return head, start, err
}
