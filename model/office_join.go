package model

// JoinReport is what a laptop already in use did with what it held when it
// joined an office, told to the caseworker once, after the join.
type JoinReport struct {
	// Cases, Records and Notes were sent and taken by the office (Records
	// counts every record, the cases too).
	Cases, Records, Notes int
	// JobsAdded are jobs typed here that the office's list did not have:
	// now on it for every colleague.
	JobsAdded int
	// OfficeHad are rows of the office's own data (jobs, prospects, the
	// roster, settings) the office already had: its version is kept.
	OfficeHad int
	// HandedOver are the cases this laptop held for colleagues, per
	// colleague: handed to them at the join (or kept by the joining
	// caseworker where the colleague is not on the office's roster).
	HandedOver []JoinHandOver
	// NotTaken are rows of the office's data only a lead writes, which the
	// office does not have: not sent, kept on this laptop and in Copy.
	NotTaken []JoinNotTaken
	// Settings are the office's settings (keys) whose value here the office
	// did not take: the office's value applies; this one is in Copy.
	Settings []string
	// SettingsKept are the office's settings (keys) the office has no value
	// for and only a lead sets: not sent; this laptop's value stays here.
	SettingsKept []string
	// Copy is the copy of the database made before the join ("" none).
	Copy string
}

// JoinHandOver is how many cases of one colleague a join handed over.
type JoinHandOver struct {
	Initials string
	Cases    int
	// Kept: the colleague is not on the office's roster: the cases stay
	// with the caseworker who joined.
	Kept bool
}

// JoinNotTaken counts one table's rows a join did not take over.
type JoinNotTaken struct {
	Table string
	Rows  int
}
