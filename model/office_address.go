package model

import (
	"net/url"
	"strings"
)

// An office server's address as a caseworker types it may hold a user and
// a password (postgres://AB:secret@kontor.lan/jobspor, or key=value with
// user= and password=). The laptop's database keeps, and every screen and
// message shows, only the address without them; the password is kept
// apart, protected by the operating system.

// ServerAddress is server without user or password: what is stored and shown.
func ServerAddress(server string) string {
	if u, ok := serverURL(server); ok {
		u.User = nil
		return u.String()
	}
	var kept []string
	for _, f := range strings.Fields(server) {
		if !strings.HasPrefix(f, "password=") && !strings.HasPrefix(f, "user=") {
			kept = append(kept, f)
		}
	}
	return strings.Join(kept, " ")
}

// ServerPassword is the password written in server ("" when none).
func ServerPassword(server string) string {
	if u, ok := serverURL(server); ok {
		p, _ := u.User.Password()
		return p
	}
	for _, f := range strings.Fields(server) {
		if p, ok := strings.CutPrefix(f, "password="); ok {
			return strings.Trim(p, "'")
		}
	}
	return ""
}

// ServerUser is the user written in server ("" when none).
func ServerUser(server string) string {
	if u, ok := serverURL(server); ok {
		return u.User.Username()
	}
	for _, f := range strings.Fields(server) {
		if p, ok := strings.CutPrefix(f, "user="); ok {
			return strings.Trim(p, "'")
		}
	}
	return ""
}

// ServerLogin is server logging in as user with password (either left as
// it is when ""): a connection string made in memory, never stored.
func ServerLogin(server, user, password string) string {
	if user == "" {
		user = ServerUser(server)
	}
	if password == "" {
		password = ServerPassword(server)
	}
	if u, ok := serverURL(server); ok {
		switch {
		case password != "":
			u.User = url.UserPassword(user, password)
		case user != "":
			u.User = url.User(user)
		default:
			u.User = nil
		}
		return u.String()
	}
	out := ServerAddress(server)
	if user != "" {
		out += " user=" + quoteValue(user)
	}
	if password != "" {
		out += " password=" + quoteValue(password)
	}
	return out
}

func serverURL(server string) (*url.URL, bool) {
	if !strings.HasPrefix(server, "postgres://") && !strings.HasPrefix(server, "postgresql://") {
		return nil, false
	}
	u, err := url.Parse(server)
	return u, err == nil
}

// quoteValue quotes a key=value connection string's value (libpq's rules).
func quoteValue(v string) string {
	if v != "" && !strings.ContainsAny(v, ` '\`) {
		return v
	}
	return "'" + strings.NewReplacer(`\`, `\\`, `'`, `\'`).Replace(v) + "'"
}
