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
	pairs := keyValues(server)
	kept := pairs[:0]
	for _, p := range pairs {
		if p.key != "user" && p.key != "password" {
			kept = append(kept, p)
		}
	}
	return joinKeyValues(kept)
}

// ServerPassword is the password written in server ("" when none).
func ServerPassword(server string) string {
	if u, ok := serverURL(server); ok {
		p, _ := u.User.Password()
		return p
	}
	return keyValue(server, "password")
}

// ServerUser is the user written in server ("" when none).
func ServerUser(server string) string {
	if u, ok := serverURL(server); ok {
		return u.User.Username()
	}
	return keyValue(server, "user")
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
	pairs := keyValues(ServerAddress(server))
	if user != "" {
		pairs = append(pairs, kv{"user", user})
	}
	if password != "" {
		pairs = append(pairs, kv{"password", password})
	}
	return joinKeyValues(pairs)
}

func serverURL(server string) (*url.URL, bool) {
	if !strings.HasPrefix(server, "postgres://") && !strings.HasPrefix(server, "postgresql://") {
		return nil, false
	}
	u, err := url.Parse(server)
	return u, err == nil
}

// kv is one key=value of a libpq connection string.
type kv struct{ key, value string }

// keyValues reads a key=value connection string as libpq does: values
// bare up to a space, or in single quotes with \' and \\ escaped; spaces
// around = allowed. The last of a key written twice is the one that counts.
func keyValues(s string) []kv {
	var out []kv
	i := 0
	skip := func() {
		for i < len(s) && (s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\r') {
			i++
		}
	}
	for {
		skip()
		if i >= len(s) {
			return out
		}
		start := i
		for i < len(s) && s[i] != '=' && s[i] != ' ' && s[i] != '\t' {
			i++
		}
		key := s[start:i]
		skip()
		if i < len(s) && s[i] == '=' {
			i++
		}
		skip()
		var b strings.Builder
		if i < len(s) && s[i] == '\'' {
			for i++; i < len(s) && s[i] != '\''; i++ {
				if s[i] == '\\' && i+1 < len(s) {
					i++
				}
				b.WriteByte(s[i])
			}
			i++ // the closing quote
		} else {
			for ; i < len(s) && s[i] != ' ' && s[i] != '\t' && s[i] != '\n'; i++ {
				if s[i] == '\\' && i+1 < len(s) {
					i++
				}
				b.WriteByte(s[i])
			}
		}
		out = append(out, kv{key, b.String()})
	}
}

func keyValue(s, key string) string {
	v := ""
	for _, p := range keyValues(s) {
		if p.key == key {
			v = p.value
		}
	}
	return v
}

func joinKeyValues(pairs []kv) string {
	parts := make([]string, len(pairs))
	for i, p := range pairs {
		parts[i] = p.key + "=" + quoteValue(p.value)
	}
	return strings.Join(parts, " ")
}

// quoteValue quotes a key=value connection string's value (libpq's rules).
func quoteValue(v string) string {
	if v != "" && !strings.ContainsAny(v, ` '\`+"\t\n\r") {
		return v
	}
	return "'" + strings.NewReplacer(`\`, `\\`, `'`, `\'`).Replace(v) + "'"
}
