package cli

import (
	"fmt"
	"io"
	"regexp"
	"strconv"
	"strings"

	"jobspor/model"
)

// runConflicts lists the office's open questions to this laptop's
// caseworker (office conflicts), or settles one (office conflicts resolve
// ID --keep …; resolve --citizen ID for a case the office refused because
// it already has the citizen).
func runConflicts(e *Env, o Office, rest []string, citizen, keep string) error {
	kind := officeKind(o)
	if len(rest) > 0 && rest[0] == "resolve" {
		return resolveConflict(e, o, kind, rest[1:], citizen, keep)
	}
	if len(rest) > 0 {
		return usageError{msg: fmt.Sprintf("uventet argument %q: skriv resolve ID eller intet", rest[0])}
	}
	cs, err := o.Conflicts()
	if err != nil {
		return err
	}
	if len(cs) == 0 {
		fmt.Fprintln(e.Stdout, "Ingen åbne konflikter.")
		return nil
	}
	for _, c := range cs {
		if c.Kind == model.ConflictCaseRefused {
			printRefusedCase(e.Stdout, c, kind)
			continue
		}
		fmt.Fprintln(e.Stdout, conflictLine(c, kind))
	}
	return nil
}

// conflictLine is one open question in a line, its ID first: what kind of
// question, whose, about what (in the window's words) and the two values;
// a refusal says in Danish that the office did not take the change (the
// server's own text is not for a person) and keeps the text. Anything
// like a CPR number is masked.
func conflictLine(c model.OfficeConflict, kind model.OfficeKind) string {
	who := fmt.Sprintf("%s %d", strings.ToLower(citizenWord(kind)), c.CitizenID)
	if c.CitizenID == 0 {
		who = "ikke på denne computer"
	} else if c.CitizenName != "" {
		who += " " + c.CitizenName
	}
	what := fieldsText(c.Table, c.Field)
	switch c.Kind {
	case model.ConflictField:
		return fmt.Sprintf("%s\tkonflikt\t%s\t%s\tdin: %q\tkontorets: %q", c.ID, who, what, shownValue(c.Mine), shownValue(c.Theirs))
	case model.ConflictRefused:
		return fmt.Sprintf("%s\tafvist\t%s\t%s\tkontoret tog ikke imod din ændring; teksten er gemt her\tdin: %q", c.ID, who, what, shownValue(c.Mine))
	}
	return fmt.Sprintf("%s\tbesked\t%s\t%s\tdin: %q\tkontorets: %q", c.ID, who, what, shownValue(c.Mine), shownValue(c.Theirs))
}

// citizenWord is what the office calls a citizen: "Borger", in an a-kasse "Medlem".
func citizenWord(kind model.OfficeKind) string {
	if kind == model.OfficeAkasse {
		return "Medlem"
	}
	return "Borger"
}

// fieldsText names a conflict's fields as the window does ("Telefon";
// "borgeren" for a whole record).
func fieldsText(table, field string) string {
	var labels []string
	for _, f := range strings.Split(field, ", ") {
		f = strings.TrimPrefix(f, "note:")
		switch {
		case f == "*":
			labels = append(labels, text("conflicts.table."+table, "conflicts.table.other"))
		default:
			labels = append(labels, text("conflicts.field."+table+"."+f, "conflicts.field."+f, "conflicts.table."+table, "conflicts.table.other"))
		}
	}
	return strings.Join(labels, ", ")
}

// text is the first of keys the texts hold.
func text(keys ...string) string {
	for _, k := range keys {
		if s := (model.Message{Key: k}).Text(); s != k {
			return s
		}
	}
	return keys[len(keys)-1]
}

// cprLike is anything that looks like a CPR number.
var cprLike = regexp.MustCompile(`(^|[^0-9])([0-3][0-9][01][0-9][0-9][0-9])-?([0-9]{4})([^0-9]|$)`)

// shownValue is a value as the command line shows it: "(tom)" for none,
// CPR numbers masked (DDMMYY-xxxx).
func shownValue(v string) string {
	if v == "" || v == "\x00" {
		return "(tom)"
	}
	return cprLike.ReplaceAllString(v, "${1}${2}-xxxx${4}")
}

// printRefusedCase says what the one question about a case the office
// refused is (the office already has the citizen, by her CPR number): who
// she is (her name and masked CPR number, never the full one), what her
// case here holds that was not sent, and how to close the question.
func printRefusedCase(w io.Writer, c model.OfficeConflict, kind model.OfficeKind) {
	word, the := citizenWord(kind), "borgeren"
	if kind == model.OfficeAkasse {
		the = "medlemmet"
	}
	who := caseWho(c)
	if c.CitizenID > 0 {
		fmt.Fprintf(w, "%s %d: %s findes allerede på kontoret hos en kollega (samme CPR-nummer), så kontoret tog ikke imod din sag.\n",
			word, c.CitizenID, who)
	} else {
		fmt.Fprintf(w, "%s findes allerede på kontoret hos en kollega (samme CPR-nummer), så kontoret tog ikke imod din sag.\n", who)
	}
	fmt.Fprintf(w, "  Din sag med %s er ikke sendt; den er stadig her på computeren.\n", caseHolds(c))
	fmt.Fprintf(w, "  Giv dine noter til kollegaen, der har %s (i vinduet viser »Se og afgør« på %s dem, klar til at kopiere), og luk så spørgsmålet:\n", the, the)
	if c.CitizenID > 0 {
		fmt.Fprintf(w, "    jobspor office conflicts resolve --citizen %d --keep dismissed\n", c.CitizenID)
	} else {
		fmt.Fprintf(w, "    jobspor office conflicts resolve %s --keep dismissed\n  (skriv hele ID'et efter resolve, som det står her)\n", c.ID)
	}
	fmt.Fprintln(w, "  Sagen og dine tekster bliver på computeren, også når spørgsmålet er lukket.")
}

// caseWho is the citizen's name with her masked CPR number.
func caseWho(c model.OfficeConflict) string {
	name := c.CitizenName
	if name == "" {
		name = "(navn ukendt)"
	}
	if c.CitizenCPR != "" {
		return name + " (" + c.CitizenCPR + ")"
	}
	return name
}

// caseHolds says what the refused case holds that was not sent: "3
// samtaler, 1 anden registrering og 4 noter".
func caseHolds(c model.OfficeConflict) string {
	conversations, records, notes := c.CaseCounts()
	var parts []string
	for _, p := range []struct {
		n         int
		one, many string
	}{{conversations, "samtale", "samtaler"}, {records, "anden registrering", "andre registreringer"}, {notes, "note", "noter"}} {
		if p.n > 0 {
			parts = append(parts, plural(p.n, p.one, p.many))
		}
	}
	switch len(parts) {
	case 0:
		return "borgerens egne oplysninger"
	case 1:
		return parts[0]
	}
	return strings.Join(parts[:len(parts)-1], ", ") + " og " + parts[len(parts)-1]
}

// resolveConflict settles one question: by its ID, or by the citizen's ID
// (--citizen) for a case the office refused because it has her already.
func resolveConflict(e *Env, o Office, kind model.OfficeKind, args []string, citizen, keep string) error {
	if len(args) > 1 || (len(args) == 0) == (citizen == "") {
		return usageError{msg: "angiv enten resolve ID --keep theirs|mine|dismissed eller resolve --citizen ID --keep dismissed"}
	}
	cs, err := o.Conflicts()
	if err != nil {
		return err
	}
	c, err := findConflict(cs, args, citizen)
	if err != nil {
		return err
	}
	if c.Kind == model.ConflictCaseRefused && keep == "" {
		keep = "dismissed" // the one answer such a question has
	}
	if err := o.Resolve(c.ID, keep); err != nil {
		return officeError(err)
	}
	if c.Kind == model.ConflictCaseRefused {
		fmt.Fprintf(e.Stdout, "Spørgsmålet om %s er lukket. Sagen og dine tekster bliver her på computeren; kontoret får besked nu eller ved næste synkronisering.\n", caseWho(*c))
		return nil
	}
	said := map[string]string{"theirs": "kontorets værdi gælder", "mine": "din værdi gælder og sendes til kontoret", "dismissed": "markeret som set"}[keep]
	fmt.Fprintf(e.Stdout, "Konflikten %s er afgjort: %s.\n", c.ID, said)
	return nil
}

// findConflict is the open question args[0] names, or the refused case of
// the citizen with the local ID citizen.
func findConflict(cs []model.OfficeConflict, args []string, citizen string) (*model.OfficeConflict, error) {
	if len(args) == 1 {
		for i := range cs {
			if cs[i].ID == args[0] {
				return &cs[i], nil
			}
		}
		// not among this caseworker's questions: the store says whether it is open
		return &model.OfficeConflict{ID: args[0], Kind: model.KindOfConflict(args[0], "")}, nil
	}
	id, err := strconv.ParseInt(strings.TrimSpace(citizen), 10, 64)
	if err != nil || id <= 0 {
		return nil, usageError{msg: fmt.Sprintf("ugyldigt borger-ID %q i --citizen", citizen)}
	}
	for i := range cs {
		if cs[i].Kind == model.ConflictCaseRefused && cs[i].CitizenID == id {
			return &cs[i], nil
		}
	}
	return nil, usageError{msg: fmt.Sprintf("borger %d har intet åbent spørgsmål om en sag, kontoret allerede har; se jobspor office conflicts", id)}
}
