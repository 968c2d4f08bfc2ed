module a.jobspor.local/earlylocale

go 1.26
