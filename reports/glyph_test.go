package reports

import "testing"

// TestTheStandInPrints: □ itself must be in the font, or the stand-in
// would be an empty box of its own.
func TestTheStandInPrints(t *testing.T) {
	if !printable(standIn) {
		t.Fatal("the embedded font has no glyph for the stand-in □")
	}
	if printable('👩') || !printable('æ') || !printable('€') {
		t.Fatal("coverage is wrong: an emoji must not print, æ and € must")
	}
}
