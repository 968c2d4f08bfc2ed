package ui

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2/lang"

	"jobspor/model"
)

// joinSummary says once, in the caseworker's words, what her join did with
// what her laptop held: what went to the office, what the office already
// had (its version kept), the cases handed to colleagues, what was not
// taken over, and where the copy from before the join is kept. term gives
// the office's words ("medlemmer" in an a-kasse).
func joinSummary(r *model.JoinReport, term func(string) string) string {
	if r == nil {
		return ""
	}
	sent := "kontor.join.sent"
	if r.Cases == 1 {
		sent = "kontor.join.sent.one"
	}
	lines := []string{fmt.Sprintf(term(sent), r.Cases, r.Records, r.Notes)}
	if r.JobsAdded > 0 {
		lines = append(lines, fmt.Sprintf(lang.L("kontor.join.jobs"), r.JobsAdded))
	}
	if r.OfficeHad > 0 {
		lines = append(lines, fmt.Sprintf(lang.L("kontor.join.officehad"), r.OfficeHad))
	}
	var handed, kept []string
	for _, h := range r.HandedOver {
		who := fmt.Sprintf(lang.L("kontor.join.handed.one"), h.Initials, h.Cases)
		if h.Kept {
			kept = append(kept, who)
		} else {
			handed = append(handed, who)
		}
	}
	if len(handed) > 0 {
		lines = append(lines, fmt.Sprintf(term("kontor.join.handed"), strings.Join(handed, ", ")))
	}
	if len(kept) > 0 {
		lines = append(lines, fmt.Sprintf(term("kontor.join.kept"), strings.Join(kept, ", ")))
	}
	var notTaken []string
	for _, n := range r.NotTaken {
		notTaken = append(notTaken, fmt.Sprintf("%s (%d)", lang.L("kontor.join.table."+n.Table), n.Rows))
	}
	if len(notTaken) > 0 {
		lines = append(lines, fmt.Sprintf(lang.L("kontor.join.nottaken"), strings.Join(notTaken, ", ")))
	}
	if len(r.Settings) > 0 {
		lines = append(lines, fmt.Sprintf(lang.L("kontor.join.settings"), settingNames(r.Settings)))
	}
	if len(r.SettingsKept) > 0 {
		lines = append(lines, fmt.Sprintf(lang.L("kontor.join.settingskept"), settingNames(r.SettingsKept)))
	}
	if r.Copy != "" {
		lines = append(lines, fmt.Sprintf(lang.L("kontor.join.copy"), r.Copy))
	}
	return strings.Join(lines, "\n")
}

// settingNames names the office's settings by their keys.
func settingNames(keys []string) string {
	names := make([]string, len(keys))
	for i, k := range keys {
		names[i] = lang.X("kontor.join.setting."+k, k)
	}
	return strings.Join(names, ", ")
}
