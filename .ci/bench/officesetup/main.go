// Command officesetup readies a window whose first sync pulls a whole
// caseload, runs a measurement beside it, and stops the office after.
//
// It starts a throw-away PostgreSQL cluster (pgtest), makes an office with
// the given jobspor binary's own command line: a lead LE whose laptop holds
// -citizens demo citizens (sent in bulk at her join; the demo's own
// caseworker AL's become AL's), a caseworker AL whose laptop joined empty
// before; then LE hands all her cases to AL on the server.
// AL's laptop, as it stands before its next pull (database, .audit, and a
// private XDG_CONFIG_HOME with her identity, password and kept head), is
// kept in DIR/template. DIR/al-window is a script that copies the template
// to DIR/run and starts AL's window there, its office log
// ($JOBSPOR_OFFICE_LOG) appended to DIR/window.log: every start pulls and
// applies the whole caseload, as a first join does.
//
// It then times that pull once without a window (office sync on a copy),
// runs the command after "--" (every "@WINDOW@" in it replaced by the
// script's path, every "@AFTER@" by a script that starts AL's window on
// DIR/after, her laptop once that pull is done), stops the cluster, and sets the pull's steps from
// window.log beside the typing's start and end that firstframe -stamps
// printed: how far the pull had come when typing began and ended.
//
//	officesetup -bin ./jobspor -dir /tmp/jobspor-bench/join -- firstframe ... jobspor=@WINDOW@
package main

import (
	"bufio"
	"bytes"
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"os/exec"
	"os/signal"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"syscall"
	"time"

	"github.com/jackc/pgx/v5"

	"jobspor/model/store/office/pgtest"
)

func main() {
	bin := flag.String("bin", "./jobspor", "the jobspor binary")
	dir := flag.String("dir", "/tmp/jobspor-bench/join", "where the laptops, the template and the log go (emptied first)")
	citizens := flag.Int("citizens", 1000, "demo citizens handed to AL")
	port := flag.Int("port", 55491, "the cluster's port (a Unix socket only)")
	flag.Parse()
	if err := run(*bin, *dir, *citizens, *port, flag.Args()); err != nil {
		fmt.Fprintln(os.Stderr, "officesetup:", err)
		os.Exit(1)
	}
}

func run(bin, dir string, citizens, port int, measure []string) error {
	bin, err := filepath.Abs(bin)
	if err != nil {
		return err
	}
	if dir, err = filepath.Abs(dir); err != nil {
		return err
	}
	if err := os.RemoveAll(dir); err != nil {
		return err
	}
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return err
	}
	c, err := pgtest.Start(port)
	if err != nil {
		return err
	}
	defer c.Stop()
	sig := make(chan os.Signal, 1) // interrupted: the cluster is stopped all the same
	signal.Notify(sig, os.Interrupt, syscall.SIGTERM)
	go func() {
		<-sig
		c.Stop()
		os.Exit(130)
	}()
	o := &setup{bin: bin, dir: dir}
	if err := o.office(c, citizens); err != nil {
		return err
	}
	if err := o.timePull(citizens); err != nil {
		return err
	}
	if len(measure) == 0 {
		return nil
	}
	var out bytes.Buffer
	cmd := exec.Command(measure[0], measure[1:]...)
	window, after := o.window(), o.after()
	for i, a := range cmd.Args {
		cmd.Args[i] = strings.NewReplacer("@WINDOW@", window, "@AFTER@", after).Replace(a)
	}
	cmd.Stdout, cmd.Stderr = io.MultiWriter(&keyLines{w: os.Stdout}, &out), os.Stderr
	if err := cmd.Run(); err != nil {
		return fmt.Errorf("%s: %w", measure[0], err)
	}
	return report(os.Stdout, out.String(), filepath.Join(dir, "window.log"))
}

// keyLines passes on what is written to it but firstframe's lines of
// single keys (kept for report).
type keyLines struct {
	w    io.Writer
	part []byte
}

func (k *keyLines) Write(p []byte) (int, error) {
	k.part = append(k.part, p...)
	for {
		i := bytes.IndexByte(k.part, '\n')
		if i < 0 {
			return len(p), nil
		}
		if line := k.part[:i+1]; !bytes.HasPrefix(line, []byte("stamps key ")) {
			if _, err := k.w.Write(line); err != nil {
				return 0, err
			}
		}
		k.part = k.part[i+1:]
	}
}

// setup is the office being made: the binary and the folder.
type setup struct{ bin, dir string }

// jobspor runs the binary with config as XDG_CONFIG_HOME and returns its output.
func (o *setup) jobspor(config string, args ...string) (string, error) {
	cmd := exec.Command(o.bin, args...)
	cmd.Env = append(os.Environ(), "XDG_CONFIG_HOME="+config, "JOBSPOR_OFFICE_IDENTITY=")
	out, err := cmd.CombinedOutput()
	if err != nil {
		return "", fmt.Errorf("jobspor %s: %v\n%s", strings.Join(args, " "), err, out)
	}
	return string(out), nil
}

// office makes the office, LE's laptop with the demo citizens, and AL's
// empty laptop (joined), then hands LE's cases to AL and keeps AL's
// laptop as the template.
func (o *setup) office(c *pgtest.Cluster, citizens int) error {
	ctx := context.Background()
	admin, err := pgx.Connect(ctx, c.DSN("postgres", "postgres"))
	if err != nil {
		return err
	}
	_, err = admin.Exec(ctx, `CREATE DATABASE office`)
	admin.Close(ctx)
	if err != nil {
		return err
	}
	server := c.DSN("postgres", "office")
	le, leDB := filepath.Join(o.dir, "le", "config"), filepath.Join(o.dir, "le", "le.db")
	al, alDB := filepath.Join(o.dir, "run", "config"), filepath.Join(o.dir, "run", "al.db")
	for _, d := range []string{le, al} {
		if err := os.MkdirAll(d, 0o700); err != nil {
			return err
		}
	}
	start := time.Now()
	if _, err := o.jobspor(al, "init", "--db", alDB); err != nil {
		return err
	}
	key, err := o.jobspor(al, "office", "recipient", "--db", alDB)
	if err != nil {
		return err
	}
	// AL joins while the office holds no citizen yet; then LE's join sends
	// her demo laptop's citizens (the demo's own caseworker AL's go to AL
	// there) and LE hands AL all the rest: AL's next pull brings every one.
	steps := [][]string{
		{le, "demo", "--db", leDB, "--citizens", fmt.Sprint(citizens)},
		{le, "office", "init", "--server", server, "--initials", "LE", "--name", "Lene Eriksen", "--db", leDB},
		{le, "office", "add-caseworker", "AL", "Anna Larsen", "--server", server, "--recipient", strings.TrimSpace(lastLine(key)), "--db", leDB},
		{al, "office", "join", "--server", server, "--initials", "AL", "--db", alDB},
		{le, "office", "join", "--server", server, "--initials", "LE", "--db", leDB},
	}
	for _, s := range steps {
		if _, err := o.jobspor(s[0], s[1:]...); err != nil {
			return err
		}
	}
	list, err := o.jobspor(le, "list", "--db", leDB)
	if err != nil {
		return err
	}
	var ids []string
	for _, line := range strings.Split(list, "\n") {
		if id, _, ok := strings.Cut(line, "\t"); ok && id != "" {
			ids = append(ids, id)
		}
	}
	if _, err := o.jobspor(le, "office", "move", "--to", "AL", "--citizen", strings.Join(ids, ","), "--db", leDB); err != nil {
		return err
	}
	status, err := o.jobspor(al, "office", "status", "--db", alDB)
	if err != nil {
		return err
	}
	fmt.Printf("office made in %.1f s: %d demo citizens, %d of them handed from LE to AL (the rest were the demo's AL's); AL's laptop before its pull:\n%s",
		time.Since(start).Seconds(), citizens, len(ids), indent(status))
	return copyDir(filepath.Join(o.dir, "run"), filepath.Join(o.dir, "template"))
}

// window writes the script that starts AL's window on a fresh copy of the template.
func (o *setup) window() string {
	p := filepath.Join(o.dir, "al-window")
	script := fmt.Sprintf(`#!/bin/sh
# AL's window on a fresh copy of her laptop before its pull (officesetup).
set -e
D=%q
rm -rf "$D/run"
cp -a "$D/template" "$D/run"
echo "$(date +%%H:%%M:%%S.%%6N) window started" >>"$D/window.log"
export XDG_CONFIG_HOME="$D/run/config" JOBSPOR_OFFICE_LOG=1 JOBSPOR_OFFICE_IDENTITY=
exec %q --db "$D/run/al.db" 2>>"$D/window.log"
`, o.dir, o.bin)
	if err := os.WriteFile(p, []byte(script), 0o755); err != nil {
		panic(err)
	}
	return p
}

// after writes the script that starts AL's window on DIR/after, her
// laptop once the pull is done (no pull pending).
func (o *setup) after() string {
	p := filepath.Join(o.dir, "al-after")
	script := fmt.Sprintf(`#!/bin/sh
# AL's window on her laptop after the pull (officesetup).
D=%q
export XDG_CONFIG_HOME="$D/after/config" JOBSPOR_OFFICE_IDENTITY=
exec %q --db "$D/after/al.db"
`, o.dir, o.bin)
	if err := os.WriteFile(p, []byte(script), 0o755); err != nil {
		panic(err)
	}
	return p
}

// timePull syncs a copy of the template (DIR/after) once without a window
// and says how long the pull took and what it brought.
func (o *setup) timePull(citizens int) error {
	if err := copyDir(filepath.Join(o.dir, "template"), filepath.Join(o.dir, "after")); err != nil {
		return err
	}
	config, db := filepath.Join(o.dir, "after", "config"), filepath.Join(o.dir, "after", "al.db")
	start := time.Now()
	if _, err := o.jobspor(config, "office", "sync", "--db", db); err != nil {
		return err
	}
	took := time.Since(start)
	status, err := o.jobspor(config, "office", "status", "--db", db)
	if err != nil {
		return err
	}
	list, err := o.jobspor(config, "list", "--db", db)
	if err != nil {
		return err
	}
	if n := strings.Count(list, "\n"); n != citizens {
		return fmt.Errorf("AL's laptop holds %d citizens after the pull, want %d", n, citizens)
	}
	fmt.Printf("the pull without a window (office sync on a copy): %.1f s, %d citizens; after it:\n%s", took.Seconds(), citizens, indent(status))
	return nil
}

func copyDir(from, to string) error {
	if err := os.RemoveAll(to); err != nil {
		return err
	}
	out, err := exec.Command("cp", "-a", from, to).CombinedOutput()
	if err != nil {
		return fmt.Errorf("cp: %v %s", err, out)
	}
	return nil
}

func lastLine(s string) string {
	lines := strings.Split(strings.TrimSpace(s), "\n")
	return lines[len(lines)-1]
}

func indent(s string) string {
	return "    " + strings.ReplaceAll(strings.TrimSpace(s), "\n", "\n    ") + "\n"
}

// The lines report reads: firstframe -stamps's, and the window's office log.
var (
	stampLine = regexp.MustCompile(`^stamps run (\d+) +(\S+) +typing (\S+) - (\S+)`)
	keyLine   = regexp.MustCompile(`^stamps key (\d+) +(\S+) +\d+ (\S+) ([\d.]+)`)
	logLine   = regexp.MustCompile(`^(\d\d:\d\d:\d\d\.\d+) (?:office: )?(.*)$`)
	appliedRe = regexp.MustCompile(`^pull applied (\d+) of (\d+)$`)
)

// event is one line of the window's log.
type event struct {
	at   time.Time
	what string
}

// report sets each typing run beside the pull of the window started for it.
func report(w io.Writer, measured, logPath string) error {
	f, err := os.Open(logPath)
	if err != nil {
		return err
	}
	defer f.Close()
	var runs [][]event // one per window started
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		m := logLine.FindStringSubmatch(sc.Text())
		if m == nil {
			continue
		}
		at, err := time.Parse("15:04:05.000000", m[1])
		if err != nil {
			continue
		}
		if m[2] == "window started" {
			runs = append(runs, nil)
		}
		if len(runs) > 0 {
			runs[len(runs)-1] = append(runs[len(runs)-1], event{at, m[2]})
		}
	}
	// the windows alternate with the floor's: the stamps of the runs that
	// were not the floor, in order, match the windows started
	var typed [][2]time.Time
	var keys [][]key // per window run
	for _, line := range strings.Split(measured, "\n") {
		if m := keyLine.FindStringSubmatch(line); m != nil && m[2] != "floor" {
			at, err := time.Parse("15:04:05.000000", m[3])
			var ms float64
			fmt.Sscan(m[4], &ms)
			if err == nil && len(keys) > 0 {
				keys[len(keys)-1] = append(keys[len(keys)-1], key{at, ms})
			}
			continue
		}
		m := stampLine.FindStringSubmatch(line)
		if m == nil || m[2] == "floor" {
			continue
		}
		a, err1 := time.Parse("15:04:05.000000", m[3])
		b, err2 := time.Parse("15:04:05.000000", m[4])
		if err1 == nil && err2 == nil {
			typed = append(typed, [2]time.Time{a, b})
			keys = append(keys, nil)
		}
	}
	fmt.Fprintln(w, "== the pull beside the typing (times from the window's start)")
	var during, after []float64
	for i := range min(len(runs), len(typed)) {
		fmt.Fprintln(w, describe(i+1, runs[i], typed[i]))
		from, to := applying(runs[i])
		for _, k := range keys[i] {
			if !from.IsZero() && !k.at.Before(from) && (to.IsZero() || k.at.Before(to)) {
				during = append(during, k.ms)
			} else {
				after = append(after, k.ms)
			}
		}
	}
	fmt.Fprintf(w, "keys pressed while the pull was applied: %d, key to pixels median %.1f ms, p90 %.1f ms\n",
		len(during), median(during), percentile(during, 90))
	fmt.Fprintf(w, "keys pressed before or after the apply: %d, key to pixels median %.1f ms, p90 %.1f ms\n",
		len(after), median(after), percentile(after, 90))
	if len(runs) != len(typed) {
		fmt.Fprintf(w, "(%d windows started, %d typing runs stamped)\n", len(runs), len(typed))
	}
	return nil
}

// key is one key typed into a window: when, and milliseconds to pixels.
type key struct {
	at time.Time
	ms float64
}

// applying is when a window's first pull began and ended its local apply
// (to zero: it still ran when the window was closed).
func applying(evs []event) (from, to time.Time) {
	for _, e := range evs {
		switch {
		case e.what == "pull fetched, applying" && from.IsZero():
			from = e.at
		case strings.HasPrefix(e.what, "sync ended") && !from.IsZero():
			return from, e.at
		}
	}
	return from, time.Time{}
}

// percentile is the nearest-rank p-th percentile (firstframe's).
func percentile(xs []float64, p int) float64 {
	s := append([]float64(nil), xs...)
	sort.Float64s(s)
	if len(s) == 0 {
		return 0
	}
	return s[max(0, (len(s)*p+99)/100-1)]
}

func median(xs []float64) float64 {
	s := append([]float64(nil), xs...)
	sort.Float64s(s)
	if len(s) == 0 {
		return 0
	}
	if len(s)%2 == 1 {
		return s[len(s)/2]
	}
	return (s[len(s)/2-1] + s[len(s)/2]) / 2
}

// describe says when the pull fetched, applied and ended in one window's
// run, and how far its apply was when typing began and ended.
func describe(n int, evs []event, typed [2]time.Time) string {
	t0 := evs[0].at
	sec := func(t time.Time) string { return fmt.Sprintf("%.1f s", t.Sub(t0).Seconds()) }
	var fetched, ended time.Time
	var total int
	doneAt := func(t time.Time) int { // transactions applied by t
		done := 0
		for _, e := range evs {
			if m := appliedRe.FindStringSubmatch(e.what); m != nil && !e.at.After(t) {
				fmt.Sscan(m[1], &done)
			}
		}
		return done
	}
	for _, e := range evs {
		switch m := appliedRe.FindStringSubmatch(e.what); {
		case m != nil:
			fmt.Sscan(m[2], &total)
		case e.what == "pull fetched, applying" && fetched.IsZero():
			fetched = e.at
		case strings.HasPrefix(e.what, "sync ended") && ended.IsZero() && !fetched.IsZero():
			ended = e.at
		}
	}
	s := fmt.Sprintf("run %d: typing %s – %s (%.1f s)", n, sec(typed[0]), sec(typed[1]), typed[1].Sub(typed[0]).Seconds())
	if fetched.IsZero() {
		return s + "; the pull never reached its apply before the window was closed"
	}
	s += fmt.Sprintf("; pull fetched at %s, apply %d/%d transactions done when typing began, %d/%d when it ended",
		sec(fetched), doneAt(typed[0]), total, doneAt(typed[1]), total)
	if ended.IsZero() {
		return s + "; the pull still ran when the window was closed"
	}
	return s + "; the pull ended at " + sec(ended)
}
