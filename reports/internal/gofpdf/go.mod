module a.jobspor.local/gofpdf

go 1.26.8

require github.com/jung-kurt/gofpdf v1.16.2
