package model

import (
	"strings"
	"testing"
)

// TestHandoutRegistry: every kind has its file name, is found by its name,
// and an unknown kind is refused with the known ones named.
func TestHandoutRegistry(t *testing.T) {
	for _, k := range HandoutKinds {
		h, ok := HandoutOf(k)
		if !ok || h.File == "" {
			t.Errorf("%s: in the registry %v, file %q", k, ok, h.File)
		}
		if got, ok := ParseHandoutKind(string(k)); !ok || got != k {
			t.Errorf("%s read back as %q, %v", k, got, ok)
		}
	}
	if _, ok := ParseHandoutKind("jobbs"); ok {
		t.Error("an unknown kind was accepted")
	}
	var ue *UserError
	err := UnknownHandout("jobbs")
	if !asUserError(err, &ue) || ue.Msg.Key != "error.handout.unknown" || !strings.Contains(ue.Msg.Args[1].(string), "folder") {
		t.Errorf("the unknown kind's error is %v", err)
	}
}

func asUserError(err error, target **UserError) bool {
	u, ok := err.(*UserError)
	*target = u
	return ok
}
