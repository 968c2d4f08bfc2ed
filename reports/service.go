package reports

import (
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"time"

	"jobspor/model"
)

// Service makes handouts from the database: it loads what a handout needs,
// writes the PDF whole or not at all, and audits every print.
type Service struct {
	store  *model.Store
	OutDir string
	Opts   Options
	Now    func() time.Time
}

// NewService prints into the "udskrifter" folder beside the database.
func NewService(s *model.Store) *Service {
	return &Service{store: s, OutDir: filepath.Join(filepath.Dir(s.Path()), "udskrifter"), Now: time.Now}
}

// DefaultBenefitPlace is where the benefit talk is held, from settings.
func (s *Service) DefaultBenefitPlace() string {
	o, err := s.store.Office()
	if err != nil {
		return ""
	}
	return o.BenefitPlace
}

// Ydelse writes the benefit checklist for a citizen into OutDir and returns its path.
func (s *Service) Ydelse(citizenID int64, talk time.Time, place string) (string, error) {
	path := filepath.Join(s.OutDir, fmt.Sprintf("ydelsestjekliste-%s-%s.pdf",
		strconv.FormatInt(citizenID, 10), s.Now().Format("2006-01-02-150405")))
	return path, s.YdelseTo(path, citizenID, talk, place)
}

// YdelseTo writes the benefit checklist for a citizen to path.
func (s *Service) YdelseTo(path string, citizenID int64, talk time.Time, place string) error {
	c, err := s.store.Citizen(citizenID)
	if err != nil {
		return err
	}
	office, err := s.store.Office()
	if err != nil {
		return err
	}
	doc, err := Ydelse(YdelseData{Office: office, CitizenName: c.Name, TalkDate: talk, TalkPlace: place, Printed: s.Now()}, s.Opts)
	if err != nil {
		return err
	}
	return s.save(doc, path, citizenID, "ydelse")
}

// save writes to a temporary file, audits the print, then moves the file
// into place: a failed write or audit leaves no PDF behind.
func (s *Service) save(doc *Document, path string, citizenID int64, kind string) error {
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		return fmt.Errorf("create folder for %s: %w", path, err)
	}
	tmp, err := os.CreateTemp(filepath.Dir(path), ".jobspor-*.pdf")
	if err != nil {
		return fmt.Errorf("create %s: %w", path, err)
	}
	defer os.Remove(tmp.Name())
	if err := doc.Write(tmp); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err := s.store.LogAudit(model.AuditPrint, citizenID, kind); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), path)
}
