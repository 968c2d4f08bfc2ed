package store

import (
	"testing"

	"jobspor/model"
)

// The check at three sizes: the full one (integrity_check) and the quick
// one (quick_check), each with the foreign keys, the schema and the audit
// trail. 500 citizens; 10,000 with 200,000 conversations; 50,000 with
// 1,000,000.

func benchCheck(b *testing.B, s *Store, quick bool) {
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		check := s.Check
		if quick {
			check = s.QuickCheck
		}
		problems, err := check()
		if err != nil || len(problems) > 0 {
			b.Fatal(problems, err)
		}
	}
}

func check500(b *testing.B) *Store {
	s := newTestStore(b)
	if _, err := s.SeedDemo(loadGuide(b), model.DemoOptions{Citizens: 500, Seed: 3, Today: benchNow, Reception: benchContent().Reception}); err != nil {
		b.Fatal(err)
	}
	if err := topUpConversations(s, 10000); err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	return s
}

func BenchmarkCheck500(b *testing.B)      { benchCheck(b, check500(b), false) }
func BenchmarkQuickCheck500(b *testing.B) { benchCheck(b, check500(b), true) }
func BenchmarkCheck10k(b *testing.B) {
	s, _ := benchData(b)
	benchCheck(b, s, false)
}
func BenchmarkQuickCheck10k(b *testing.B) {
	s, _ := benchData(b)
	benchCheck(b, s, true)
}
func BenchmarkCheck50k(b *testing.B) {
	s, _ := office50k(b)
	benchCheck(b, s, false)
}
func BenchmarkQuickCheck50k(b *testing.B) {
	s, _ := office50k(b)
	benchCheck(b, s, true)
}
