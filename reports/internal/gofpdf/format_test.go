package gofpdf

import (
	"fmt"
	"math"
	"testing"
)

// TestFormattingWithoutFmtWritesWhatFmtWrites: every operator and
// dictionary the writer formats goes through sprintf, outf or printf; for
// each format and value they must give fmt.Sprintf's text, or the PDF's
// bytes (and what a viewer draws) change.
func TestFormattingWithoutFmtWritesWhatFmtWrites(t *testing.T) {
	floats := []float64{0, -0.0, 1, -1, 0.005, 0.015, 0.125, 2.675, 595.28, -841.89, 1e9, 123456789.987654321, 1e-9,
		math.MaxFloat64, math.Inf(1), math.Inf(-1), math.NaN()}
	formats := []string{"%.2f w", "%.3f Tw", "%.5f %.5f l", "%.4F", "%.0f", "%.9f"}
	for _, format := range formats {
		for _, v := range floats {
			args := []interface{}{v}
			for len(args) < countVerbs(format) {
				args = append(args, v*3)
			}
			check(t, format, args)
		}
	}
	check(t, "BT /F%s %.2f Tf ET", []interface{}{"f5b0b4f5fc", 11.0})
	check(t, "<</Filter /FlateDecode /Length %d>>", []interface{}{1316})
	check(t, "/Size %d", []interface{}{int64(-42)})
	check(t, "100%% %s", []interface{}{"sikker"})
	check(t, "q %.2f %.2f %.2f %.2f re %s ", []interface{}{56.69, 761.1, 481.89, -18.42, "B"})
	// Not for appendf: fmt's own text, whatever it is.
	check(t, "%5.2f", []interface{}{3.14159})
	check(t, "%x", []interface{}{255})
	check(t, "%d", []interface{}{uint8(7)})
	check(t, "%.2f", []interface{}{float32(1.5)})
	check(t, "%.2f", []interface{}{1})
	check(t, "%s", []interface{}{12})
	check(t, "%s %s", []interface{}{"én"})
	check(t, "%s", []interface{}{"to", "tre"})
	check(t, "slut %", []interface{}{})
	check(t, "%.f", []interface{}{2.5})
	check(t, "%.2d", []interface{}{3})
}

func countVerbs(format string) (n int) {
	for i := 0; i < len(format); i++ {
		if format[i] == '%' {
			n++
		}
	}
	return n
}

// check takes a slice, not ...interface{}: vet would hold the odd
// formats below to fmt's rules, and they are here to break them.
func check(t *testing.T, format string, args []interface{}) {
	t.Helper()
	want := fmt.Sprintf(format, args...)
	if got := sprintf(format, args...); got != want {
		t.Errorf("sprintf(%q, %v) = %q, fmt gives %q", format, args, got, want)
	}
	var b fmtBuffer
	b.printf(format, args...)
	if b.String() != want {
		t.Errorf("printf(%q, %v) = %q, fmt gives %q", format, args, b.String(), want)
	}
	f := New("P", "mm", "A4", "")
	f.outf(format, args...)
	if got := f.buffer.String(); got != want+"\n" {
		t.Errorf("outf(%q, %v) = %q, fmt gives %q", format, args, got, want+"\n")
	}
}
