package model

import (
	"fmt"
	"path"
	"strings"
)

// Markers around the generated rules table in README.md.
const (
	RulesTableBegin = "<!-- rules table: generated from assets/rules/conversations.json by RulesTable; do not edit -->"
	RulesTableEnd   = "<!-- end of rules table -->"
)

// RulesTable writes the rules file as a Markdown table, one row per
// requirement (a rule without requirements gets one row saying so): the
// README's table, which a test holds to the file.
func RulesTable(r *RuleSet) string {
	var b strings.Builder
	b.WriteString("| rule | office | benefit | unemployed from | group, target | requirement | count, window | paragraph | verified | law text |\n")
	b.WriteString("|---|---|---|---|---|---|---|---|---|---|\n")
	for i := range r.Rules {
		rule := &r.Rules[i]
		who := benefitsText(rule)
		group := fmt.Sprintf("%s, %d %%", rule.Group, rule.TargetPercent)
		if len(rule.Requirements) == 0 {
			fmt.Fprintf(&b, "| %s | %s | %s | %s | %s | none: %s | | | | %s |\n", rule.ID, rule.Office, who, rule.From, group,
				cell(rule.Text), fileText(rule.SourceFile))
			continue
		}
		for _, q := range rule.Requirements {
			file := q.SourceFile
			if file == "" {
				file = rule.SourceFile
			}
			fmt.Fprintf(&b, "| %s | %s | %s | %s | %s | %s | %s | %s | %s | %s |\n", rule.ID, rule.Office, who, rule.From, group,
				cell(q.Label), windowText(q), cell(q.Paragraph), verifiedText(q), fileText(file))
		}
	}
	return b.String()
}

func benefitsText(rule *Rule) string {
	var names []string
	for _, b := range rule.Benefits {
		names = append(names, string(b))
	}
	s := strings.Join(names, ", ")
	if rule.OtherBenefit != "" {
		s += ": " + rule.OtherBenefit
	}
	if rule.Youth {
		s += ", under 25 without a qualifying education (§ 27, stk. 3)"
	}
	return s
}

// windowText says a requirement's count and window in English.
func windowText(q Requirement) string {
	from := map[Anchor]string{FromFirstContact: " from the first contact", FromRegistration: " from the registration"}[q.CountedFrom]
	var s string
	switch {
	case q.WithinDays > 0 && q.WithinMonths == 0:
		s = fmt.Sprintf("%d within %d days%s", q.Count, q.WithinDays, from)
	case q.AfterTransfer:
		s = fmt.Sprintf("%d from the passing (else month %d) to month %d", q.Count, q.FromMonth, q.WithinMonths)
	default:
		s = fmt.Sprintf("%d in months %d–%d%s", q.Count, q.FromMonth, q.WithinMonths, from)
	}
	if q.First {
		s += "; with everyone (100 %)"
	}
	if q.InPerson {
		s += "; in person"
	}
	switch q.Akasse {
	case AkasseWith:
		s += "; with the a-kasse"
	case AkasseWithout:
		s += "; without the a-kasse (the joint ones on top)"
	}
	return s
}

func verifiedText(q Requirement) string {
	switch {
	case q.Verified:
		return "yes"
	case q.StarOnly:
		return "no: STAR's guidance"
	}
	return "no"
}

func fileText(f string) string {
	if f == "" {
		return "–"
	}
	return "`law/" + path.Base(f) + "`"
}

// cell keeps a table cell on one line and its pipes escaped.
func cell(s string) string {
	return strings.NewReplacer("|", "\\|", "\n", " ").Replace(s)
}
