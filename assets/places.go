package assets

import "embed"

// places holds the default postcode list when one is shipped (see
// places/README.md); the README keeps the folder embeddable without it.
//
//go:embed places
var places embed.FS

// DefaultPostcodesCSV is the postcode list loaded into a database that has
// none, in PostNord's format; nil when no list is shipped.
func DefaultPostcodesCSV() []byte {
	data, err := places.ReadFile("places/postnumre.csv")
	if err != nil {
		return nil
	}
	return data
}
