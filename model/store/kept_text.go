package store

import "strings"

// keptText gathers the strings of a read the window keeps all day (the
// caseload's 10,000 rows, Today's cases) into a few large blocks, and
// shares the ones that repeat (a track, a status, a caseworker's initials):
// the driver gives each column of each row a string of its own, and the
// Go heap kept the few that live among the many that do not in pages it
// could not hand back (~11 MB of the window's heap in use was such gaps).
type keptText struct {
	block  strings.Builder
	shared map[string]string
}

// keptBlockMax is the largest block; a read of one row starts small.
const keptBlockMax = 64 << 10

// keep is s copied into the current block (a new one when it is full).
func (k *keptText) keep(s string) string {
	if s == "" {
		return ""
	}
	if k.block.Cap()-k.block.Len() < len(s) {
		size := min(max(2*k.block.Cap(), 256), keptBlockMax)
		k.block = strings.Builder{} // the strings kept so far stay valid: a Builder only appends
		k.block.Grow(max(size, len(s)))
	}
	start := k.block.Len()
	k.block.WriteString(s)
	return k.block.String()[start:]
}

// share is s, or the equal string kept before: for the few values a column
// holds over and over.
func (k *keptText) share(s string) string {
	if s == "" {
		return ""
	}
	if v, ok := k.shared[s]; ok {
		return v
	}
	if k.shared == nil {
		k.shared = map[string]string{}
	}
	v := k.keep(s)
	k.shared[s] = v
	return v
}
