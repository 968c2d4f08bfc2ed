package reports

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"time"

	"jobspor/model"
)

// Source is what the handouts read from the database, and the audit they
// write: the store satisfies it, tests may fake it.
type Source interface {
	Applications(citizenID int64) ([]model.Application, error)
	BenefitCase(citizenID int64) (model.BenefitCase, error)
	Attendance(from, to time.Time) (*model.AttendanceStats, error)
	Calendar() (*model.WorkCalendar, error)
	Citizen(id int64) (*model.Citizen, error)
	Conversation(id int64) (*model.Conversation, error)
	Conversations(citizenID int64) ([]model.Conversation, error)
	ConversationsFrom(from time.Time, days int) ([]model.TodayConversation, error)
	LogAuditMany(action string, citizenIDs []int64, detail string) error
	MarkNoticesSent(ids []int64, how model.SentHow) error
	Notices(ids []int64) ([]model.Notice, error)
	Office() (model.Office, error)
	OpenJobs(today time.Time) ([]model.Job, error)
	Plan(g *model.Guide, citizenID int64) (*model.Plan, error)
	PlannedFor(citizenID int64, now time.Time) ([]model.TodayConversation, error)
	PresentedJobs(conversationID int64) ([]model.PresentedJob, error)
	ProspectFor(region, title, code string) (model.Prospect, error)
	Reception(p *model.ReceptionPlan, cal *model.WorkCalendar, c *model.Citizen) ([]model.DatedStep, error)
	ReceptionPlan(def *model.ReceptionPlan) (*model.ReceptionPlan, error)
	Region() (string, error)
	Path() string
	ExportCitizen(id int64) (*model.Export, error)

	// The reads above for many citizens at once (a batch of handouts).
	CitizensMany(ids []int64) ([]*model.Citizen, error)
	BenefitCasesMany(ids []int64) (map[int64]model.BenefitCase, error)
	PlannedForMany(ids []int64, now time.Time) (map[int64][]model.TodayConversation, error)
	ApplicationsMany(ids []int64) (map[int64][]model.Application, error)
	ReceptionMany(p *model.ReceptionPlan, cal *model.WorkCalendar, citizens []*model.Citizen) (map[int64][]model.DatedStep, error)
}

// Service makes handouts from the database: it loads what a handout needs,
// writes the PDF whole or not at all, and audits every print.
type Service struct {
	store   Source
	content *model.Content
	OutDir  string
	Opts    Options
	Now     func() time.Time
	// Scope narrows the day lists, batches and calendars to one caseworker's
	// citizens; the zero value is the whole office.
	Scope model.Scope

	swept sync.Map // folder -> *sync.Once: its leftovers swept once per run
}

// SetScope chooses whose appointments the day lists, batches and calendars hold.
func (s *Service) SetScope(scope model.Scope) { s.Scope = scope }

// conversationsFrom is the store's conversations from `from` for `days`
// days, of the scope's citizens.
func (s *Service) conversationsFrom(from time.Time, days int) ([]model.TodayConversation, error) {
	convs, err := s.store.ConversationsFrom(from, days)
	return model.InScope(convs, s.Scope), err
}

// NewService prints into the "udskrifter" folder beside the database.
// Unfinished files a killed run left there are swept away.
func NewService(s Source, c *model.Content) *Service {
	out := filepath.Join(filepath.Dir(s.Path()), "udskrifter")
	svc := &Service{store: s, content: c, OutDir: out, Now: model.Now}
	svc.sweep(out)
	return svc
}

// DefaultBenefitPlace is where the benefit meeting is held, from settings.
func (s *Service) DefaultBenefitPlace() string {
	o, err := s.store.Office()
	if err != nil {
		return ""
	}
	return o.BenefitPlace
}

// BenefitMeeting writes the benefit checklist for a citizen into OutDir and returns its path.
func (s *Service) BenefitMeeting(citizenID int64, meeting time.Time, place string) (string, error) {
	path := filepath.Join(s.OutDir, fmt.Sprintf("ydelsestjekliste-%s-%s.pdf",
		strconv.FormatInt(citizenID, 10), s.Now().Format("2006-01-02-150405")))
	return path, s.BenefitMeetingTo(path, citizenID, meeting, place)
}

// BenefitMeetingTo writes the benefit checklist for a citizen to path. Without a
// date and place given, the meeting stored with the citizen is printed.
func (s *Service) BenefitMeetingTo(path string, citizenID int64, meeting time.Time, place string) error {
	c, err := s.store.Citizen(citizenID)
	if err != nil {
		return err
	}
	if meeting.IsZero() && place == "" {
		b, err := s.store.BenefitCase(citizenID)
		if err != nil {
			return err
		}
		meeting, place = b.MeetingAt, b.MeetingPlace
	}
	office, err := s.store.Office()
	if err != nil {
		return err
	}
	doc, err := BenefitMeeting(BenefitMeetingData{Office: office, CitizenName: c.Name, MeetingAt: meeting, MeetingPlace: place, Printed: s.Now()}, s.Opts)
	if err != nil {
		return err
	}
	return s.save(doc, path, []int64{citizenID}, "ydelse")
}

// Notices prints the notices (a page each, or one list when asList) into
// OutDir, records them as sent and returns the file's path.
func (s *Service) Notices(ids []int64, asList bool) (string, error) {
	ns, err := s.store.Notices(ids)
	if err != nil {
		return "", err
	}
	office, err := s.store.Office()
	if err != nil {
		return "", err
	}
	doc, err := Notices(NoticeData{Office: office, Notices: ns, AsList: asList, Printed: s.Now()}, s.Opts)
	if err != nil {
		return "", err
	}
	name := "beskeder-"
	if !asList && len(ids) == 1 {
		name = fmt.Sprintf("besked-%d-", ids[0])
	}
	path := filepath.Join(s.OutDir, name+s.Now().Format("2006-01-02-150405")+".pdf")
	err = s.save(doc, path, noticeCitizens(ns), "notices")
	if _, warned := model.AsPrintWarning(err); err != nil && !warned {
		return "", err
	}
	if serr := s.store.MarkNoticesSent(ids, model.SentPrinted); serr != nil {
		return path, serr
	}
	return path, err // nil, or the warning that some characters print as □
}

// NoticesText is the notices as plain text for the clipboard; they are
// recorded as sent (copied).
func (s *Service) NoticesText(ids []int64) (string, error) {
	ns, err := s.store.Notices(ids)
	if err != nil {
		return "", err
	}
	office, err := s.store.Office()
	if err != nil {
		return "", err
	}
	var parts []string
	for _, n := range ns {
		parts = append(parts, NoticeText(n, office))
	}
	return strings.Join(parts, "\n"), s.store.MarkNoticesSent(ids, model.SentCopied)
}

func noticeCitizens(ns []model.Notice) []int64 {
	ids := make([]int64, len(ns))
	for i, n := range ns {
		ids[i] = n.CitizenID
	}
	return ids
}

// CallList writes the call list for a day's appointments and returns its path.
func (s *Service) CallList(day time.Time) (string, error) {
	convs, err := s.conversationsFrom(day, 1)
	if err != nil {
		return "", err
	}
	office, err := s.store.Office()
	if err != nil {
		return "", err
	}
	doc, err := CallList(CallListData{Office: office, Day: day, Calls: convs, Printed: s.Now()}, s.Opts)
	if err != nil {
		return "", err
	}
	path := filepath.Join(s.OutDir, "opkaldsliste-"+day.Format("2006-01-02")+".pdf")
	ids := make([]int64, len(convs))
	for i, c := range convs {
		ids[i] = c.CitizenID
	}
	return path, s.save(doc, path, ids, "call list "+day.Format(model.DateLayout))
}

// Attendance writes the attendance and capacity report for [from, to).
func (s *Service) Attendance(from, to time.Time) (string, error) {
	st, err := s.store.Attendance(from, to)
	if err != nil {
		return "", err
	}
	return s.AttendanceOf(st, "")
}

// AttendanceOf writes the attendance and capacity report of a pattern the
// window shows (the caseworker's own, or the office's as the server added
// it up); whose says which, above the summary ("" for none).
func (s *Service) AttendanceOf(st *model.AttendanceStats, whose string) (string, error) {
	office, err := s.store.Office()
	if err != nil {
		return "", err
	}
	doc, err := Attendance(AttendanceData{Office: office, Stats: st, Whose: whose, Printed: s.Now()}, s.Opts)
	if err != nil {
		return "", err
	}
	path := filepath.Join(s.OutDir, "fremmoede-"+st.From.Format("2006-01-02")+"-"+st.To.Format("2006-01-02")+".pdf")
	return path, s.save(doc, path, nil, "attendance report")
}

// Calendar writes the appointments from `from` for `days` days as an
// iCalendar file for Outlook and returns its path; the export is audited.
func (s *Service) Calendar(from time.Time, days int) (string, error) {
	convs, err := s.conversationsFrom(from, days)
	if err != nil {
		return "", err
	}
	path := filepath.Join(s.OutDir, fmt.Sprintf("samtaler-%s-%dd.ics", from.Format("2006-01-02"), days))
	return path, s.writeCalendar(path, convs)
}

// CalendarOne writes one conversation as an iCalendar file and returns its path.
func (s *Service) CalendarOne(conversationID int64) (string, error) {
	c, err := s.store.Conversation(conversationID)
	if err != nil {
		return "", err
	}
	who, err := s.store.Citizen(c.CitizenID)
	if err != nil {
		return "", err
	}
	path := filepath.Join(s.OutDir, fmt.Sprintf("samtale-%d.ics", conversationID))
	return path, s.writeCalendar(path, []model.TodayConversation{{Conversation: *c, Name: who.Name, Phone: who.Phone}})
}

// CalendarFor writes a citizen's planned conversations as iCalendar.
func (s *Service) CalendarFor(path string, citizenID int64) error {
	convs, err := s.store.PlannedFor(citizenID, s.Now())
	if err != nil {
		return err
	}
	return s.writeCalendar(path, convs)
}

// CalendarTo writes the appointments from `from` for `days` days to path.
func (s *Service) CalendarTo(path string, from time.Time, days int) error {
	convs, err := s.conversationsFrom(from, days)
	if err != nil {
		return err
	}
	return s.writeCalendar(path, convs)
}

func (s *Service) writeCalendar(path string, convs []model.TodayConversation) error {
	var buf bytes.Buffer
	if err := model.WriteICS(&buf, model.CalendarFor(convs), s.Now()); err != nil {
		return err
	}
	ids := make([]int64, len(convs))
	for i, c := range convs {
		ids[i] = c.CitizenID
	}
	return s.saveBytes(buf.Bytes(), path, ids, model.AuditExport, "calendar")
}

// save writes to a temporary file, audits the print for every citizen on
// it, then moves the file into place: a failed write or audit leaves no PDF.
func (s *Service) save(doc *Document, path string, citizenIDs []int64, kind string) error {
	var buf bytes.Buffer
	if err := doc.Write(&buf); err != nil {
		return err
	}
	if err := s.saveBytes(buf.Bytes(), path, citizenIDs, model.AuditPrint, kind); err != nil {
		return err
	}
	return replacedWarning(doc)
}

// saveBytes writes data beside path, audits, then renames it into place.
//
// The file is written to a private temp file and synced; then the print is
// audited, and only then renamed into place: a handout is never visible
// without its audit row, wherever the run is killed (a temp file left is
// swept; an audited print whose rename failed is said as failed).
func (s *Service) saveBytes(data []byte, path string, citizenIDs []int64, action, kind string) error {
	return s.saveWith(path, citizenIDs, action, kind, func(w io.Writer) error {
		_, err := w.Write(data)
		return err
	})
}

// saveWith is saveBytes for a file written by write as it is made (a
// streamed batch): an error of write's own is returned as it is, and
// leaves no file and no audit row.
func (s *Service) saveWith(path string, citizenIDs []int64, action, kind string, write func(io.Writer) error) error {
	dir := filepath.Dir(path)
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return model.NewUserError("error.print.write", err, path)
	}
	s.sweep(dir)
	if fi, err := os.Stat(path); err == nil && fi.IsDir() {
		// Found before the print is audited: a rename onto a folder fails.
		return model.NewUserError("error.print.write", fmt.Errorf("%s is a folder", path), path)
	}
	own, err := claim(dir)
	if err != nil {
		return model.NewUserError("error.print.write", err, path)
	}
	defer own.release()
	tmp, made, err := writeTemp(path, own.tempPattern(), write)
	if tmp != "" {
		defer os.Remove(tmp)
	}
	if made != nil {
		return made
	}
	if err != nil {
		return model.NewUserError("error.print.write", err, path)
	}
	if err := s.store.LogAuditMany(action, citizenIDs, kind); err != nil {
		return err
	}
	if err := place(tmp, path); err != nil {
		return model.NewUserError("error.print.write", err, path)
	}
	return nil
}

// tempPrefix names unfinished handout files; a start sweeps those no
// running print owns (tempowner.go).
const tempPrefix = ".jobspor-"

// writeTemp has write fill a private temp file (named by pattern) beside
// path and syncs it; it returns the temp file's name. made is write's own
// error; err is the file's (a full disk, a folder that went away).
func writeTemp(path, pattern string, write func(io.Writer) error) (tmpName string, made, err error) {
	tmp, err := os.CreateTemp(filepath.Dir(path), pattern) // 0600
	if err != nil {
		return "", nil, err
	}
	w := &fileWriter{w: bufio.NewWriterSize(tmp, 64<<10)}
	if made = write(w); w.err != nil {
		made, err = nil, w.err
	}
	if err == nil && made != nil {
		tmp.Close()
		return tmp.Name(), made, nil
	}
	if err == nil {
		err = w.w.Flush()
	}
	if err == nil {
		err = tmp.Sync()
	}
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	return tmp.Name(), nil, err
}

// place renames the finished temp file to path, durably.
func place(tmp, path string) error {
	err := os.Rename(tmp, path)
	if err == nil {
		err = model.SyncDir(filepath.Dir(path))
	}
	return err
}

// fileWriter keeps the first error writing to the file, so that a failed
// write is told from a failed document.
type fileWriter struct {
	w   *bufio.Writer
	err error
}

func (f *fileWriter) Write(p []byte) (int, error) {
	if f.err != nil {
		return 0, f.err
	}
	n, err := f.w.Write(p)
	f.err = err
	return n, err
}

// sweep removes what a killed run left in dir, once per folder and run:
// the batch's workers write into one folder at the same time, and a sweep
// before every file removed the temp files of the others.
func (s *Service) sweep(dir string) {
	once, _ := s.swept.LoadOrStore(dir, new(sync.Once))
	once.(*sync.Once).Do(func() { sweepTemps(dir) })
}

// Insight writes the citizen's right-of-access document into OutDir and
// returns its path; the export itself is audited by the store.
func (s *Service) Insight(citizenID int64) (string, error) {
	e, err := s.store.ExportCitizen(citizenID)
	if err != nil {
		return "", err
	}
	office, err := s.store.Office()
	if err != nil {
		return "", err
	}
	doc, err := Insight(office, e, s.Now(), s.Opts, s.guideTitle)
	if err != nil {
		return "", err
	}
	path := filepath.Join(s.OutDir, fmt.Sprintf("indsigt-%d-%s.pdf", citizenID, s.Now().Format("2006-01-02-150405")))
	return path, s.save(doc, path, []int64{citizenID}, "insight")
}

// guideTitle is a guide action's text or a reception step's title by ID.
func (s *Service) guideTitle(id string) string {
	if a, ok := s.content.Guide.Action(id); ok {
		return a.Text
	}
	if s.content.Reception != nil {
		for _, st := range s.content.Reception.Steps {
			if st.ID == id {
				return st.Title
			}
		}
	}
	return id
}
