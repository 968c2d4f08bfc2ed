// Package assets holds Jobspor's embedded data: the guide content, handout
// texts, translations, fonts and the icon. Offices adapt the program by
// editing these files, not Go code.
package assets

import "embed"

// Translations holds da.json and en.json for Fyne's lang package.
//
//go:embed translations/*.json
var Translations embed.FS

// DanishTexts is the Danish translation file: the wording of the model's
// messages on the command line, where Fyne's lang is not used.
//
//go:embed translations/da.json
var DanishTexts []byte

// Icon is the application icon (PNG, 512×512).
//
//go:embed icon.png
var Icon []byte

// ReceptionPlanJSON is the default reception plan: the 10 råd example of the
// first ten working days. An office's own plan is kept in its database.
//
//go:embed reception/plan.json
var ReceptionPlanJSON []byte

// ConversationRulesJSON is the legal minimum of conversations, by date.
//
//go:embed rules/conversations.json
var ConversationRulesJSON []byte

// JobTitlesCSV is the default occupation catalogue: job titles that
// job-ready unemployed people commonly target, each with its DISCO-08 code
// (titel;disco).
//
//go:embed jobs/titles.csv
var JobTitlesCSV []byte

// RelatedCSV is the default list of related titles the office offers as
// alternatives when a goal's prospects are poor (titel;beslægtet;begrundelse).
//
//go:embed jobs/related.csv
var RelatedCSV []byte
