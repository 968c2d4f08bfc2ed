package model

import (
	"strings"
)

// CitizenSummary is one row of the citizen list: no more than the list shows.
type CitizenSummary struct {
	ID     int64
	Name   string
	Masked string
	Track  TrackID
	Status Status
}

// CitizenFilter narrows the citizen list. Empty fields match everything;
// AnyTrack false with Track "" means "still in the opening phase".
type CitizenFilter struct {
	Query    string
	Track    TrackID
	AnyTrack bool
	Status   Status
}

// danishOrder puts æ, ø and å after z, in that order, as Danish does;
// names and queries are folded the same way, so search is unaffected.
var danishOrder = strings.NewReplacer("æ", "{", "ø", "|", "å", "}", "ä", "{", "ö", "|")

// FoldName is the search and sort key of a name: lower case, Danish order.
func FoldName(s string) string { return danishOrder.Replace(strings.ToLower(strings.TrimSpace(s))) }
