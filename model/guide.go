package model

import (
	"encoding/json"
	"fmt"
	"strings"
)

// Guide is STAR's "Den gode indsats for jobparate ledige" as data: an
// opening phase and three tracks, each of core elements made of actions.
type Guide struct {
	Version string  `json:"version"`
	Source  string  `json:"source"`
	Phases  []Phase `json:"phases"`
	// Assessment lists the three outcomes that end the opening phase.
	Assessment []Outcome `json:"assessment"`
}

// Phase is the opening phase (Kind "opening") or a track (Kind "track").
type Phase struct {
	ID      string `json:"id"`
	Kind    string `json:"kind"`
	Title   string `json:"title"`
	Purpose string `json:"purpose"`
	Target  string `json:"target"`
	// Resources are the people and places the guide names for the phase
	// (the education track: an education ambassador, education counsellors,
	// eVejledningen, voksenuddannelse.dk).
	Resources []string  `json:"resources,omitempty"`
	Elements  []Element `json:"elements"`
}

// Element is a core element (kerneelement).
type Element struct {
	ID      string   `json:"id"`
	Title   string   `json:"title"`
	Actions []Action `json:"actions"`
}

// Action is one concrete thing the caseworker does.
type Action struct {
	ID   string `json:"id"`
	Text string `json:"text"`
}

// Outcome is one result of the opening phase's assessment.
type Outcome struct {
	Track TrackID `json:"track"`
	Label string  `json:"label"`
}

// ParseGuide reads and checks the guide content file.
func ParseGuide(data []byte) (*Guide, error) {
	var g Guide
	if err := json.Unmarshal(data, &g); err != nil {
		return nil, fmt.Errorf("parse guide: %w", err)
	}
	if err := g.check(); err != nil {
		return nil, fmt.Errorf("guide %s: %w", g.Version, err)
	}
	return &g, nil
}

// check makes sure IDs are unique and the phases the program relies on exist.
func (g *Guide) check() error {
	seen := map[string]bool{}
	for _, p := range g.Phases {
		for _, e := range p.Elements {
			for _, a := range e.Actions {
				if a.ID == "" || seen[a.ID] {
					return fmt.Errorf("action ID %q empty or repeated", a.ID)
				}
				if !strings.HasPrefix(a.ID, p.ID+".") {
					return fmt.Errorf("action ID %q does not start with its phase %q", a.ID, p.ID)
				}
				seen[a.ID] = true
			}
		}
	}
	if g.Opening() == nil {
		return fmt.Errorf("no opening phase")
	}
	for _, t := range Tracks {
		if g.Track(t) == nil {
			return fmt.Errorf("no track %q", t)
		}
	}
	return nil
}

// Opening returns the opening phase.
func (g *Guide) Opening() *Phase {
	for i := range g.Phases {
		if g.Phases[i].Kind == "opening" {
			return &g.Phases[i]
		}
	}
	return nil
}

// Track returns the track with the given ID, or nil.
func (g *Guide) Track(id TrackID) *Phase {
	for i := range g.Phases {
		if g.Phases[i].Kind == "track" && g.Phases[i].ID == string(id) {
			return &g.Phases[i]
		}
	}
	return nil
}

// Action finds an action by ID anywhere in the guide.
func (g *Guide) Action(id string) (Action, bool) {
	for _, p := range g.Phases {
		for _, e := range p.Elements {
			for _, a := range e.Actions {
				if a.ID == id {
					return a, true
				}
			}
		}
	}
	return Action{}, false
}

// Count returns how many of the phase's actions are done.
func (p *Phase) Count(progress map[string]Progress) (done, total int) {
	for _, e := range p.Elements {
		d, t := e.Count(progress)
		done, total = done+d, total+t
	}
	return done, total
}

// Count returns how many of the element's actions are done.
func (e *Element) Count(progress map[string]Progress) (done, total int) {
	for _, a := range e.Actions {
		if progress[a.ID].Done {
			done++
		}
	}
	return done, len(e.Actions)
}
