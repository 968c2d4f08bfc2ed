package gofpdf

// This file is not part of gofpdf v1.16.2: see CHANGES.md.

import (
	"bytes"
	"fmt"
	"io"
	"strings"
)

// pageStream is the state of a document whose pages are written to an
// io.Writer as soon as each is complete (SetOutputStream), so that the
// memory a document holds does not grow with its pages.
type pageStream struct {
	w        io.Writer
	written  int           // bytes already written to w
	pages    int           // pages complete: written, or pending
	pending  *pendingPage  // the last page complete, compressed meanwhile
	pageObjs []int         // object number of each page written; 1-based
	version  string        // the PDF version in the header already written
	spare    *bytes.Buffer // a written page's buffer, for the next page
}

// pendingPage is a complete page whose content is being compressed on
// another goroutine while the next page is laid out; it is written when
// the next page is complete, or at Output.
type pendingPage struct {
	n       int
	buf     *bytes.Buffer // the page's content, read only until written
	content chan []byte   // the content as it goes in the file
}

// SetOutputStream makes the document write each page to w as soon as the
// page is complete, and free it: the memory a long document holds stays
// flat. A page's content is compressed on another goroutine while the
// next page is laid out, and written when that one is complete (or at
// Output). Output then writes the
// rest (fonts, images, cross-references) to w. Call it before the first
// page. A streamed document gives the bytes a buffered one gives, with
// these limits, which set an error when broken: the page count alias
// (AliasNbPages) may be declared but not printed, since the count is not
// known when a page is written; aliases (RegisterAlias) must be registered
// before the pages that print them are complete; SetPage cannot return to
// a written page; file attachment annotations are not supported; the PDF
// version must not change after the first page (blend modes, transparency
// and layers raise it: use them from the first page or not at all);
// compression is set before the first page.
// Internal links must have their target set before the page linking to
// them is complete.
func (f *Fpdf) SetOutputStream(w io.Writer) {
	if f.err != nil {
		return
	}
	if f.page > 0 {
		f.err = fmt.Errorf("SetOutputStream must be called before the first page")
		return
	}
	f.stream.w = w
}

// pos is the offset in the output of the next byte written to the buffer.
func (f *Fpdf) pos() int {
	return f.stream.written + f.buffer.Len()
}

// streamPage writes the page just completed (and before the first one,
// the header) to the output stream, then frees it.
func (f *Fpdf) streamPage() {
	s := &f.stream
	if s.w == nil || f.err != nil {
		return
	}
	n := f.page
	if n != s.pages+1 {
		f.err = fmt.Errorf("streamed document: page %d completed after page %d", n, s.pages)
		return
	}
	if s.pages == 0 {
		f.putheader()
		s.version = f.pdfVersion
	}
	if len(f.pageAttachments[n]) > 0 {
		f.err = fmt.Errorf("streamed document: file attachment annotations are not supported")
		return
	}
	f.replacePageAliases(n)
	if f.err != nil {
		return
	}
	f.putPendingPage()
	p := &pendingPage{n: n, buf: f.pages[n], content: make(chan []byte, 1)}
	f.pages[n] = nil
	if f.compress {
		go func() { p.content <- sliceCompress(p.buf.Bytes()) }()
	} else {
		p.content <- p.buf.Bytes()
	}
	s.pending = p
	s.pages = n
}

// putPendingPage writes the page left pending, once its content is
// compressed, and drops what only that page used.
func (f *Fpdf) putPendingPage() {
	s := &f.stream
	p := s.pending
	if p == nil {
		return
	}
	s.pending = nil
	content := <-p.content
	_, hPt := f.defPageSizePt()
	f.putpage(p.n, hPt, content) // copies the content into the buffer
	p.buf.Reset()
	s.spare = p.buf // for the page after the next
	f.pageLinks[p.n] = nil
	f.pageAttachments[p.n] = nil
	delete(f.pageBoxes, p.n)
	f.flushStream()
}

// newPage is an empty buffer for a new page's content.
func (s *pageStream) newPage() *bytes.Buffer {
	if b := s.spare; b != nil {
		s.spare = nil
		return b
	}
	return bytes.NewBufferString("")
}

// replacePageAliases does for one page what replaceAliases does for all.
func (f *Fpdf) replacePageAliases(n int) {
	page := f.pages[n]
	if nb := f.aliasNbPagesStr; nb != "" {
		if bytes.Contains(page.Bytes(), []byte(nb)) || bytes.Contains(page.Bytes(), []byte(utf8toutf16(nb, false))) {
			f.err = fmt.Errorf("streamed document: the page count alias %q is printed on page %d", nb, n)
			return
		}
	}
	for mode := 0; mode < 2; mode++ {
		for alias, replacement := range f.aliasMap {
			if mode == 1 {
				alias = utf8toutf16(alias, false)
				replacement = utf8toutf16(replacement, false)
			}
			if bytes.Contains(page.Bytes(), []byte(alias)) {
				s := strings.Replace(page.String(), alias, replacement, -1)
				page.Truncate(0)
				page.WriteString(s)
			}
		}
	}
}

// flushStream moves what the buffer holds to the output stream.
func (f *Fpdf) flushStream() {
	n, err := f.buffer.WriteTo(f.stream.w)
	f.stream.written += int(n)
	if err != nil && f.err == nil {
		f.err = err
	}
}

// versionKept tells whether the header already written still holds: the
// PDF version cannot change once the first page is out.
func (s *pageStream) versionKept(f *Fpdf) bool {
	v := f.pdfVersion
	if len(f.blendMap) > 0 && v < "1.4" {
		v = "1.4"
	}
	if v != s.version {
		f.err = fmt.Errorf("streamed document: the PDF version changed from %s to %s after the first page", s.version, v)
		return false
	}
	return true
}

// finishStream writes the rest of a streamed document to its stream; w
// must be that stream or nil.
func (f *Fpdf) finishStream(w io.Writer) error {
	if w != nil && !sameWriter(w, f.stream.w) {
		f.err = fmt.Errorf("a streamed document is output to its stream, not to another writer")
		return f.err
	}
	if f.err == nil {
		f.flushStream()
	}
	return f.err
}

func sameWriter(a, b io.Writer) (same bool) {
	defer func() {
		if recover() != nil {
			same = false // not comparable
		}
	}()
	return a == b
}
