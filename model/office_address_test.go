package model

import "testing"

// An office address is shown and stored without user and password, in
// both forms a caseworker may type; the password can be read from it and
// put back in memory for a login.
func TestOfficeAddressWithoutUserAndPassword(t *testing.T) {
	for _, c := range []struct{ in, address, user, password string }{
		{"postgres://AB:MKS7%2Fx@127.0.0.1/kontor?sslmode=verify-full", "postgres://127.0.0.1/kontor?sslmode=verify-full", "AB", "MKS7/x"},
		{"postgresql://postgres@kontor.lan:5433/jobspor", "postgresql://kontor.lan:5433/jobspor", "postgres", ""},
		{"host=/tmp/pg port=5432 user=postgres password=hemmelig dbname=jobspor sslmode=disable",
			"host=/tmp/pg port=5432 dbname=jobspor sslmode=disable", "postgres", "hemmelig"},
		{"postgres://kontor.lan/jobspor", "postgres://kontor.lan/jobspor", "", ""},
	} {
		if got := ServerAddress(c.in); got != c.address {
			t.Errorf("ServerAddress(%q) = %q, want %q", c.in, got, c.address)
		}
		if got := ServerUser(c.in); got != c.user {
			t.Errorf("ServerUser(%q) = %q, want %q", c.in, got, c.user)
		}
		if got := ServerPassword(c.in); got != c.password {
			t.Errorf("ServerPassword(%q) = %q, want %q", c.in, got, c.password)
		}
		login := ServerLogin(c.address, "jobspor_ab", "s3 cr'et")
		if ServerUser(login) != "jobspor_ab" || ServerPassword(login) != "s3 cr'et" || ServerAddress(login) != c.address {
			t.Errorf("ServerLogin(%q) = %q: user %q, password %q", c.address, login, ServerUser(login), ServerPassword(login))
		}
	}
}

// A quoted password with spaces leaves nothing of itself in the address.
func TestAQuotedPasswordLeavesNothingInTheAddress(t *testing.T) {
	in := `host=kontor.lan password='to ord\'s' dbname=jobspor user = 'a b'`
	if got := ServerAddress(in); got != "host=kontor.lan dbname=jobspor" {
		t.Fatalf("ServerAddress = %q", got)
	}
	if ServerPassword(in) != "to ord's" || ServerUser(in) != "a b" {
		t.Fatalf("password %q user %q", ServerPassword(in), ServerUser(in))
	}
}
