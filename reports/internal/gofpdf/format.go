package gofpdf

// This file is not part of gofpdf v1.16.2: see CHANGES.md.

import (
	"fmt"
	"strconv"
)

// appendf appends fmt.Sprintf(format, args...) to b for the formats the
// writer uses, without fmt: %s of a string, %d of an int or int64,
// %.Nf and %.NF (N one digit) of a float64, and %%. ok is false for
// anything else (another verb, flag, width or type, or a count of
// arguments that does not match): the caller then uses fmt.
func appendf(b []byte, format string, args []interface{}) (_ []byte, ok bool) {
	n := 0
	for i := 0; i < len(format); i++ {
		c := format[i]
		if c != '%' {
			b = append(b, c)
			continue
		}
		i++
		if i == len(format) {
			return b, false
		}
		if format[i] == '%' {
			b = append(b, '%')
			continue
		}
		if n == len(args) {
			return b, false
		}
		switch format[i] {
		case 's':
			s, isString := args[n].(string)
			if !isString {
				return b, false
			}
			b = append(b, s...)
		case 'd':
			switch v := args[n].(type) {
			case int:
				b = strconv.AppendInt(b, int64(v), 10)
			case int64:
				b = strconv.AppendInt(b, v, 10)
			default:
				return b, false
			}
		case '.':
			if i+2 >= len(format) || format[i+1] < '0' || format[i+1] > '9' || (format[i+2] != 'f' && format[i+2] != 'F') {
				return b, false
			}
			v, isFloat := args[n].(float64)
			if !isFloat {
				return b, false
			}
			b = strconv.AppendFloat(b, v, 'f', int(format[i+1]-'0'), 64)
			i += 2
		default:
			return b, false
		}
		n++
	}
	return b, n == len(args)
}

// sprintf is fmt.Sprintf, without fmt where appendf can.
func sprintf(fmtStr string, args ...interface{}) string {
	var buf [128]byte
	if b, ok := appendf(buf[:0], fmtStr, args); ok {
		return string(b)
	}
	return fmt.Sprintf(fmtStr, args...)
}
