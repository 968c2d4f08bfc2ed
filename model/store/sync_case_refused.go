package store

// A citizen this laptop holds whom the office already has (the same CPR
// number: two caseworkers both registered her before the office was
// formed, or she moved between them). The office refuses the citizen (the
// CPR number's blind index is unique), and then each of the case's records
// (conversations, goals, notes…) on its own: one refusal per record. A
// caseworker is asked ONE question per such case: the refusals of that
// citizen are kept one by one as before (each with its text, each closed
// at the office), and shown and settled together as one. The case itself
// stays on the laptop, never accepted at the office, so no pull removes it
// (invisibleCases); its texts stay on it and in the refusals.

import (
	"database/sql"
	"fmt"
	"strings"
	"time"

	"jobspor/model"
)

// CaseRefusedPrefix starts the id of the one question for a case the
// office refused because it already has the citizen: "case:" + her gid.
const CaseRefusedPrefix = "case:"

// RefusedCPRTaken is the code (Conflict.Code, sync_conflict.code) of the
// office's refusal of a citizen whose CPR number it already holds: the
// unique index on the CPR number's blind index (office migration 0001,
// citizens_cpr_mac) refused her. The office package gives it from the
// server's error (its SQLSTATE and constraint), never from its text.
const RefusedCPRTaken = "cpr_taken"

// caseRefusedSQL selects those citizens (its one argument RefusedCPRTaken);
// OfficeStatus counts with it too. By the code alone: the refusal's text
// is the server's, for a person, and may be worded otherwise.
const caseRefusedSQL = `SELECT DISTINCT citizen_gid FROM sync_conflict WHERE tbl = 'citizens' AND outcome = 'rejected'
	AND citizen_gid <> '' AND code = ?`

// caseRefusedGids are the citizens whose record the office refused because
// it already holds the CPR number (a refusal settled before counts too: a
// later edit of the case is refused again and joins the same question).
func caseRefusedGids(q interface {
	Query(string, ...any) (*sql.Rows, error)
}) (map[string]bool, error) {
	rows, err := q.Query(caseRefusedSQL, RefusedCPRTaken)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := map[string]bool{}
	for rows.Next() {
		var g string
		if err := rows.Scan(&g); err != nil {
			return nil, err
		}
		out[g] = true
	}
	return out, rows.Err()
}

// groupRefusedCases makes the open refusals of each such citizen one
// conflict, at the place of its first refusal: OpID CaseRefusedPrefix+gid,
// Members the refusals in the order they came.
func groupRefusedCases(cs []Conflict, gids map[string]bool) []Conflict {
	if len(gids) == 0 {
		return cs
	}
	out := make([]Conflict, 0, len(cs))
	at := map[string]int{}
	for _, c := range cs {
		if c.Outcome != "rejected" || !gids[c.Citizen] {
			out = append(out, c)
			continue
		}
		i, ok := at[c.Citizen]
		if !ok {
			i = len(out)
			at[c.Citizen] = i
			out = append(out, Conflict{OpID: CaseRefusedPrefix + c.Citizen, Citizen: c.Citizen, Table: "citizens", Field: "*",
				Outcome: "rejected", Author: c.Author, MineAt: c.MineAt, CitizenID: c.CitizenID, CitizenName: c.CitizenName, CitizenCPR: c.CitizenCPR})
		}
		g := &out[i]
		if c.Table == "citizens" && g.Mine == "" {
			g.Mine, g.Theirs = c.Mine, c.Theirs // the citizen's own record: her name when she is not here
		}
		if c.MineAt != "" && (g.MineAt == "" || c.MineAt < g.MineAt) {
			g.MineAt = c.MineAt
		}
		g.Members = append(g.Members, c)
	}
	return out
}

// settleRefusedCase closes every open refusal of the case in one
// transaction, with one audit entry on the citizen: the question is
// answered as a whole. Each refusal is closed at the office with the next
// sync, as a single refusal is.
func (s *Store) settleRefusedCase(tx *sql.Tx, opID, how string) error {
	if how != "dismissed" && how != "seen" {
		return model.NewUserError("office.conflict.case.how", nil)
	}
	gid := strings.TrimPrefix(opID, CaseRefusedPrefix)
	var ids []string
	rows, err := tx.Query(`SELECT op_id FROM sync_conflict WHERE citizen_gid = ? AND outcome = 'rejected' AND resolution = ''
		ORDER BY rowid`, gid)
	if err != nil {
		return err
	}
	for rows.Next() {
		var id string
		if err := rows.Scan(&id); err != nil {
			rows.Close()
			return err
		}
		ids = append(ids, id)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return err
	}
	if len(ids) == 0 {
		return model.NewUserError("office.conflict.unknown", nil, opID)
	}
	at := s.Now().UTC().Format(time.RFC3339)
	for _, id := range ids {
		sent := 0
		if LocalNotice(id) {
			sent = 1
		}
		if _, err := tx.Exec(`UPDATE sync_conflict SET resolution = 'dismissed', resolved_at = ?, resolved_by = ?, sent = ?
			WHERE op_id = ? AND resolution = ''`, at, s.auditUser(), sent, id); err != nil {
			return err
		}
	}
	var citizen sql.NullInt64
	if err := tx.QueryRow(`SELECT id FROM citizens WHERE gid = ?`, gid).Scan(&citizen); err != nil && err != sql.ErrNoRows {
		return err
	}
	detail := fmt.Sprintf("%s citizens.* %d refusals, the citizen is already at the office: kept on this laptop %s",
		opID, len(ids), how)
	return appendAudit(tx, s.auditRow("office conflict", citizen, detail))
}
