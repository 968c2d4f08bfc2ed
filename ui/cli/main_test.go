package cli

import (
	"os"
	"testing"

	"jobspor/assets"
	"jobspor/model"
)

// TestMain loads the Danish wording the messages under test are read in.
func TestMain(m *testing.M) {
	if err := model.SetTexts(assets.DanishTexts); err != nil {
		panic(err)
	}
	os.Exit(m.Run())
}
