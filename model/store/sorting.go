package store

import "sort"

// sortBy sorts a slice stably with a less function on its elements.
func sortBy[T any](s []T, less func(a, b T) bool) {
	sort.SliceStable(s, func(i, j int) bool { return less(s[i], s[j]) })
}
