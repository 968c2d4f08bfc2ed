package model

import (
	"os"
	"testing"

	"jobspor/assets"
)

// TestMain loads the Danish wording the messages under test are read in.
func TestMain(m *testing.M) {
	if err := SetTexts(assets.DanishTexts); err != nil {
		panic(err)
	}
	os.Exit(m.Run())
}
