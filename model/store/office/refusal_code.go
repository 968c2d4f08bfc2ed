package office

import (
	"context"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"

	"jobspor/model/store"
)

// A refusal's code says, in a word the laptop reads, why the office refused
// an operation; its text (the server's message) is kept for the person.
// The laptop groups and counts by the code, never by the text: a reworded
// or translated PostgreSQL message changes nothing.

// cprIndex is the unique index on the CPR number's blind index (server
// migration 0001): a citizen it refuses is already at the office.
const cprIndex = "citizens_cpr_mac"

// refusalCode is the code of the server's refusal pe ("" none known):
// store.RefusedCPRTaken for a unique violation (SQLSTATE 23505) of the CPR
// number's index.
func refusalCode(pe *pgconn.PgError) string {
	if pe != nil && pe.Code == "23505" && pe.ConstraintName == cprIndex {
		return store.RefusedCPRTaken
	}
	return ""
}

// conflictCodes says whether the office's conflict table keeps the code
// (server migration 0009): an office one migration older (N-1) does not,
// and its refusals go without it. Asked once per client.
func (c *Client) conflictCodes(ctx context.Context, tx pgx.Tx) (bool, error) {
	if c.codes == 0 {
		var has bool
		err := tx.QueryRow(ctx, `SELECT EXISTS (SELECT 1 FROM pg_attribute
			WHERE attrelid = to_regclass('jobspor.conflict') AND attname = 'code' AND NOT attisdropped)`).Scan(&has)
		if err != nil {
			return false, err
		}
		c.codes = -1
		if has {
			c.codes = 1
		}
	}
	return c.codes > 0, nil
}

// codeColumn is what a query of the office's conflicts selects for the code.
func (c *Client) codeColumn(ctx context.Context, tx pgx.Tx) (string, error) {
	has, err := c.conflictCodes(ctx, tx)
	if !has {
		return "''", err
	}
	return "code", nil
}
