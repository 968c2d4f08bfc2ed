package reports

import (
	"encoding/json"
	"fmt"

	"jobspor/assets"
)

// loadTexts reads one handout's texts from the embedded files.
func loadTexts(name string, into any) error {
	data, err := assets.Handouts.ReadFile("handouts/" + name + ".json")
	if err != nil {
		return fmt.Errorf("read handout texts %s: %w", name, err)
	}
	if err := json.Unmarshal(data, into); err != nil {
		return fmt.Errorf("parse handout texts %s: %w", name, err)
	}
	return nil
}
