package store

import (
	"testing"

	"jobspor/model"
)

// BenchmarkAttendanceReportOneCaseworker is what every sync of a laptop in
// an office adds for the office's attendance charts: one caseworker's
// pattern for the three periods, at 10,000 citizens and 200,000
// conversations (a laptop in an office holds far fewer: an upper bound).
func BenchmarkAttendanceReportOneCaseworker(b *testing.B) {
	s, _ := benchData(b)
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		r, err := s.AttendanceReport("MK", benchNow)
		if err != nil || len(r) == 0 {
			b.Fatalf("%d slots, %v", len(r), err)
		}
	}
}

// BenchmarkAttendanceMine6Months is the window's "Mine" chart in an office.
func BenchmarkAttendanceMine6Months(b *testing.B) {
	s, _ := benchData(b)
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		if _, err := s.AttendanceFor(benchNow.AddDate(0, -6, 0), benchNow, model.Mine("MK")); err != nil {
			b.Fatal(err)
		}
	}
}
