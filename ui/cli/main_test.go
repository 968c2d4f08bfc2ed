package cli

import (
	"os"
	"testing"

	"jobspor/assets"
	"jobspor/model"
	"jobspor/model/testutil"
)

// TestMain loads the Danish wording the messages under test are read in.
func TestMain(m *testing.M) {
	if err := model.SetTexts(assets.DanishTexts); err != nil {
		panic(err)
	}
	done := testutil.PrivateConfigDir()
	code := m.Run()
	done()
	os.Exit(code)
}
