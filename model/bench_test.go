package model

import (
	"testing"

	"jobspor/assets"
)

func benchContent() *Content {
	c, _ := LoadContent(assets.GuideJSON, assets.ReceptionPlanJSON, assets.ConversationRulesJSON, assets.JobTitlesCSV)
	return c
}

func BenchmarkCatalogueSearch(b *testing.B) {
	c := benchContent().Catalogue
	queries := []string{"k", "kø", "køk", "lager", "sosu", "chauf"}
	for i := 0; i < b.N; i++ {
		c.Search(queries[i%len(queries)], 12)
	}
}
