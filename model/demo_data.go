package model

import (
	"time"
)

// DemoOptions control the demo data: same seed and day, same people.
type DemoOptions struct {
	Citizens  int
	Seed      int64
	Today     time.Time
	Reception *ReceptionPlan // dates the ticked reception steps; nil: none ticked
	Catalogue *Catalogue     // codes the job goals and fills a job list and a prospects edition; nil: none
	Jobs      int            // openings on the job list (with a catalogue)
	// Caseworkers shares the citizens among this many caseworkers (4 when 0, at most 20).
	Caseworkers int
}

// DemoStats counts what SeedDemo wrote.
type DemoStats struct {
	Citizens, Progress, Conversations, Goals int
}
