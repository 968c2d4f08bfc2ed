package reports

import (
	"fmt"
	"io"
	"path/filepath"
	"runtime"
	"strconv"
	"sync"
	"time"

	"jobspor/model"
)

// Folder is where handouts are written.
func (s *Service) Folder() string { return s.OutDir }

// Kinds of handouts, as the command line names them.
var Kinds = model.HandoutKinds

// ErrCancelled is returned when a batch is stopped by the caseworker.
var ErrCancelled = model.ErrCancelled

// fileOf is the file name's stem for a kind ("" for an unknown one).
func fileOf(kind model.HandoutKind) string {
	h, _ := model.HandoutOf(kind)
	return h.File
}

// Handout writes one handout for a citizen into OutDir and returns its path.
// For "joblist" the citizen is ignored: it is the day's job list.
func (s *Service) Handout(kind model.HandoutKind, citizenID int64) (string, error) {
	h, ok := model.HandoutOf(kind)
	if !ok {
		return "", model.UnknownHandout(kind)
	}
	name := fmt.Sprintf("%s-%s-%s.pdf", h.File, strconv.FormatInt(citizenID, 10), s.Now().Format("2006-01-02-150405"))
	if !h.PerCitizen {
		name = fmt.Sprintf("%s-%s.pdf", h.File, s.Now().Format("2006-01-02"))
	}
	path := filepath.Join(s.OutDir, name)
	return path, s.HandoutTo(kind, path, citizenID)
}

// HandoutTo writes one handout for a citizen to path.
func (s *Service) HandoutTo(kind model.HandoutKind, path string, citizenID int64) error {
	if _, ok := model.HandoutOf(kind); !ok {
		return model.UnknownHandout(kind)
	}
	office, err := s.store.Office()
	if err != nil {
		return err
	}
	return s.handoutTo(kind, path, citizenID, office)
}

// handoutTo is HandoutTo with the office already read (a batch reads it once).
func (s *Service) handoutTo(kind model.HandoutKind, path string, citizenID int64, office model.Office) error {
	doc := NewBatch(office, fileOf(kind), s.Opts)
	if err := s.add(doc, kind, citizenID); err != nil {
		return err
	}
	ids := []int64{citizenID}
	if kind == model.HandoutJobList {
		ids = nil
	}
	return s.save(doc, path, ids, string(kind))
}

// add appends one handout of the kind for the citizen to doc.
func (s *Service) add(doc *Document, kind model.HandoutKind, citizenID int64) error {
	draw, err := s.load(kind, doc.office, citizenID)
	if err != nil {
		return err
	}
	return draw(doc)
}

// load reads what one handout of the kind needs for the citizen.
func (s *Service) load(kind model.HandoutKind, office model.Office, citizenID int64) (drawing, error) {
	switch kind {
	case model.HandoutJobList:
		return s.loadDayList(office, s.Now())
	case model.HandoutBenefitMeeting, model.HandoutFolder:
		return s.loadOneOfMany(kind, office, citizenID)
	}
	load := map[model.HandoutKind]func(model.Office, *model.Citizen) (drawing, error){
		model.HandoutPlan: s.loadPlan, model.HandoutJobs: s.loadJobs}[kind]
	if load == nil {
		return nil, model.UnknownHandout(kind) // never quietly the jobs sheet
	}
	c, err := s.store.Citizen(citizenID)
	if err != nil {
		return nil, err
	}
	return load(office, c)
}

// loadOneOfMany reads one citizen's handout of a kind a batch reads for
// many citizens at once (the checklist, the folder): the same reads, for
// one.
func (s *Service) loadOneOfMany(kind model.HandoutKind, office model.Office, citizenID int64) (drawing, error) {
	read, _ := s.reader(kind, office)
	drawings, err := read([]int64{citizenID})
	if err != nil {
		return nil, err
	}
	return drawings[0], nil
}

// loadBenefitMeetings reads the checklists with the benefit meeting stored
// with each citizen (the office's benefit place when none is stored), in
// two queries.
func (s *Service) loadBenefitMeetings(office model.Office, ids []int64) ([]drawing, error) {
	cs, err := s.store.CitizensMany(ids)
	if err != nil {
		return nil, err
	}
	benefit, err := s.store.BenefitCasesMany(ids)
	if err != nil {
		return nil, err
	}
	out := make([]drawing, len(cs))
	for i, c := range cs {
		out[i] = s.benefitMeetingDrawing(office, c, benefit[c.ID])
	}
	return out, nil
}

// benefitMeetingDrawing is the checklist for one citizen from what was read.
func (s *Service) benefitMeetingDrawing(office model.Office, c *model.Citizen, b model.BenefitCase) drawing {
	d := BenefitMeetingData{Office: office, CitizenName: c.Name, MeetingAt: b.MeetingAt, MeetingPlace: b.MeetingPlace, Printed: s.Now()}
	if d.MeetingPlace == "" {
		d.MeetingPlace = office.BenefitPlace
	}
	return func(doc *Document) error { return doc.AddBenefitMeeting(d) }
}

// loadDayList is the job list open on day, for the reception area.
func (s *Service) loadDayList(office model.Office, day time.Time) (drawing, error) {
	jobs, err := s.store.OpenJobs(day)
	if err != nil {
		return nil, err
	}
	d := DayListData{Office: office, Day: day, Jobs: jobs, Printed: s.Now()}
	return func(doc *Document) error { return doc.AddDayList(d) }, nil
}

// dayListOnce writes the day's job list once, whoever has a conversation
// that day: at out when it is a PDF, else in the folder out.
func (s *Service) dayListOnce(day time.Time, oneFile bool, out string, progress func(int, int)) ([]string, error) {
	path := out
	if !oneFile {
		path = filepath.Join(out, fmt.Sprintf("%s-%s.pdf", fileOf(model.HandoutJobList), day.Format("2006-01-02")))
	}
	office, err := s.store.Office()
	if err != nil {
		return nil, err
	}
	doc := NewBatch(office, fileOf(model.HandoutJobList), s.Opts)
	draw, err := s.loadDayList(office, day)
	if err == nil {
		err = draw(doc)
	}
	if err != nil {
		return nil, err
	}
	if err := s.save(doc, path, nil, string(model.HandoutJobList)); err != nil {
		return nil, err
	}
	progress(1, 1)
	return []string{path}, nil
}

// Batch writes one kind of handout for every citizen with an appointment
// on day: as one PDF at out (oneFile) or one file per citizen in the folder
// out. progress is told after each citizen; closing cancel stops it, and
// a stopped one-file batch writes nothing. The day's job list is the same
// for everyone: it is written once.
func (s *Service) Batch(kind model.HandoutKind, day time.Time, oneFile bool, out string, progress func(done, total int), cancel <-chan struct{}) ([]string, error) {
	if kind == model.HandoutJobList {
		return s.dayListOnce(day, oneFile, out, progress)
	}
	ids, err := s.appointments(day)
	if err != nil {
		return nil, err
	}
	if len(ids) == 0 {
		return nil, model.NewUserError("error.batch.none", nil, DanishDate(day))
	}
	if oneFile {
		err := s.batchOne(kind, ids, out, progress, cancel)
		if _, warned := model.AsPrintWarning(err); err != nil && !warned {
			return nil, err // no file: no path to hand on
		}
		return []string{out}, err
	}
	return s.batchFiles(kind, day, ids, out, progress, cancel)
}

// batchFiles writes one file per citizen, on every core: each document is
// independent, and setting up the embedded font dominates its cost.
func (s *Service) batchFiles(kind model.HandoutKind, day time.Time, ids []int64, out string, progress func(int, int), cancel <-chan struct{}) ([]string, error) {
	office, err := s.store.Office()
	if err != nil {
		return nil, err
	}
	paths := make([]string, len(ids))
	errs := make([]error, len(ids))
	next := make(chan int)
	var wg sync.WaitGroup
	var mu sync.Mutex
	done := 0
	for w := 0; w < runtime.NumCPU(); w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				paths[i] = filepath.Join(out, fmt.Sprintf("%s-%d-%s.pdf", fileOf(kind), ids[i], day.Format("2006-01-02")))
				errs[i] = s.handoutTo(kind, paths[i], ids[i], office)
				mu.Lock()
				done++
				progress(done, len(ids))
				mu.Unlock()
			}
		}()
	}
	err = feed(next, len(ids), cancel)
	wg.Wait()
	return written(paths, errs, err)
}

// feed hands out the indexes 0..n-1 until done or cancelled.
func feed(next chan<- int, n int, cancel <-chan struct{}) error {
	defer close(next)
	for i := 0; i < n; i++ {
		select {
		case <-cancel:
			return ErrCancelled
		case next <- i:
		}
	}
	return nil
}

// written keeps the paths of the files actually written, in order, and the
// first error; every citizen was tried, so one failure stops no one else.
// Files saved with □ stand-ins count as written; their warnings are merged.
func written(paths []string, errs []error, err error) ([]string, error) {
	var out []string
	warn := &model.PrintWarning{}
	for i, p := range paths {
		w, isWarning := model.AsPrintWarning(errs[i])
		if isWarning {
			warn.Texts, errs[i] = append(warn.Texts, w.Texts...), nil
		}
		if p != "" && errs[i] == nil {
			out = append(out, p)
		}
		if err == nil && errs[i] != nil {
			err = errs[i]
		}
	}
	if err == nil && len(warn.Texts) > 0 {
		err = warn
	}
	return out, err
}

// batchOne writes the handouts into one PDF page by page, straight into
// the file being made: memory stays flat however many citizens there are.
// As for any handout, the file is put in place whole, and audited, only
// when complete; a cancelled or failed batch leaves nothing.
func (s *Service) batchOne(kind model.HandoutKind, ids []int64, out string, progress func(int, int), cancel <-chan struct{}) error {
	office, err := s.store.Office()
	if err != nil {
		return err
	}
	opts := s.Opts
	opts.Batch = true
	doc := NewBatch(office, fileOf(kind), opts)
	err = s.saveWith(out, ids, model.AuditPrint, string(kind), func(w io.Writer) error {
		doc.StreamTo(w)
		loaded, stop := s.loadAhead(kind, office, ids)
		defer stop()
		for i := 0; i < len(ids); {
			l, ok := <-loaded
			if !ok {
				return fmt.Errorf("batch: %d of %d handouts read", i, len(ids))
			}
			for _, draw := range l.draws {
				if cancelled(cancel) {
					return ErrCancelled
				}
				if err := draw(doc); err != nil {
					return err
				}
				i++
				progress(i, len(ids))
			}
			if l.err != nil {
				return l.err
			}
		}
		return doc.Write(w)
	})
	if err != nil {
		return err
	}
	return replacedWarning(doc)
}

// loaded is a run of handouts read from the database, and the error that
// stopped the reading, if any.
type loaded struct {
	draws []drawing
	err   error
}

// loadAhead reads the handouts on a goroutine of its own, ahead of the one
// being drawn: the database and the PDF use both cores. The checklist and
// the folder are read a run of citizens at a time, and the next run is
// read while this one is drawn; the other kinds one citizen at a time, up
// to eight ahead. stop ends it and waits for it; reading stops at the
// first error.
func (s *Service) loadAhead(kind model.HandoutKind, office model.Office, ids []int64) (<-chan loaded, func()) {
	read, step := s.reader(kind, office)
	out := make(chan loaded, max(1, 8/step))
	quit := make(chan struct{})
	done := make(chan struct{})
	go func() {
		defer close(done)
		defer close(out)
		for start := 0; start < len(ids); start += step {
			draws, err := read(ids[start:min(start+step, len(ids))])
			select {
			case out <- loaded{draws, err}:
			case <-quit:
				return
			}
			if err != nil {
				return
			}
		}
	}()
	return out, func() { close(quit); <-done }
}

// batchChunk is how many citizens a batch reads at a time: a few queries
// for them all, and no more of them in memory than that.
const batchChunk = 64

// reader reads the handouts of the kind for a run of citizens, step of
// them at a time: the checklist and the folder for many at once, the
// other kinds one by one. On an error it returns the handouts read before it.
func (s *Service) reader(kind model.HandoutKind, office model.Office) (read func(ids []int64) ([]drawing, error), step int) {
	switch kind {
	case model.HandoutBenefitMeeting:
		return func(ids []int64) ([]drawing, error) { return s.loadBenefitMeetings(office, ids) }, batchChunk
	case model.HandoutFolder:
		return func(ids []int64) ([]drawing, error) { return s.loadFolders(office, ids) }, batchChunk
	}
	return func(ids []int64) ([]drawing, error) {
		var out []drawing
		for _, id := range ids {
			draw, err := s.load(kind, office, id)
			if err != nil {
				return out, err
			}
			out = append(out, draw)
		}
		return out, nil
	}, 1
}

func cancelled(c <-chan struct{}) bool {
	select {
	case <-c:
		return true
	default:
		return false
	}
}

// appointments lists, once each in time order, the citizens with a planned
// conversation on day.
func (s *Service) appointments(day time.Time) ([]int64, error) {
	convs, err := s.conversationsFrom(day, 1)
	if err != nil {
		return nil, err
	}
	seen := map[int64]bool{}
	var ids []int64
	for _, c := range convs {
		if c.Attendance == model.AttendancePlanned && !seen[c.CitizenID] {
			seen[c.CitizenID] = true
			ids = append(ids, c.CitizenID)
		}
	}
	return ids, nil
}
