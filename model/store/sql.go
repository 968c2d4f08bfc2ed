package store

import "strings"

// lit writes one of the model's typed values as an SQL literal, so queries
// name the constant instead of repeating its spelling, and stay literal
// text (a partial index on attendance = 'planned' still applies).
func lit[T ~string](v T) string {
	return "'" + strings.ReplaceAll(string(v), "'", "''") + "'"
}

// litList writes values for an IN list: 'a', 'b'.
func litList[T ~string](vs []T) string {
	parts := make([]string, len(vs))
	for i, v := range vs {
		parts[i] = lit(v)
	}
	return strings.Join(parts, ", ")
}
