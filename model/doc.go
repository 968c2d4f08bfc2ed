// Package model is Jobspor's domain: plain types, their validation (messages
// as translation keys with arguments), pure rules and the parsing of the
// embedded content and of import files. It imports no SQL, GUI or PDF code;
// package store (model/store) keeps these types in SQLite.
//
// Where things are:
//
//	citizen.go, cpr.go, citizen_list.go   a citizen, the CPR number (masked, century from the 7th digit), list filters and Danish name order
//	guide.go, progress.go, track_change.go  the STAR guide's phases, tracks, core elements and actions; ticked actions; track assessments
//	goals.go, track_records.go            job goals, the opening phase, upskilling, education, company efforts, temp agencies
//	conversation.go, conversation_summary.go  conversations (kinds, forms, attendance) and the plain-text summary for Min Plan
//	reception.go, calendar.go, day.go     the reception plan on working days, Danish holidays and office closures, the office's local day
//	rules.go                              the legal minimum of job conversations by office, benefit and first day of unemployment, deadlines, Today's two figures (targets and period from the rules file)
//	today.go, caseload.go, attendance.go  what Today, the caseload table and the attendance charts show
//	benefit.go, youth.go                  the benefit office in step (notices), young people flagged for KUI (under 25) or education guidance (25-29)
//	jobs.go, joblog.go, occupations.go, prospects.go  openings and matching, the job log, DISCO-08 and the catalogue, Arbejdsmarkedsbalancen
//	csvimport.go, charset.go, csvquote.go  the CSV reader every import goes through: encodings, checks, quotes
//	settings.go, handouts.go, ics.go, export.go  the office's details, handout kinds, iCalendar files, the right-of-access export
//	content.go, errors.go, dates.go, paths.go, demo_data.go  loading the embedded content, user messages, Danish dates, data folders, demo options
package model
