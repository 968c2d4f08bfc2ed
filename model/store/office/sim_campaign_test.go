package office

// The long campaign in pieces (make office-campaign FROM=1 TO=10000): the
// seeds of one piece run in one test process, and every CHUNK finished runs
// append one line to a log outside the repository, so a campaign of 10,000
// runs can be run over several sessions and summed (make
// office-campaign-sum). A seed with a violation gets a line of its own
// saying how to run it alone.

import (
	"fmt"
	"os"
	"reflect"
	"strconv"
	"strings"
	"testing"

	"jobspor/model"
)

// simSeeds is the seeds TestSimulation runs, from the environment.
func simSeeds() (from, to int64, err error) {
	num := func(name string) (int64, bool, error) {
		v := os.Getenv(name)
		if v == "" {
			return 0, false, nil
		}
		n, err := strconv.ParseInt(v, 10, 64)
		if err != nil || n < 1 {
			return 0, false, fmt.Errorf("%s=%q: a seed or count is a whole number from 1", name, v)
		}
		return n, true, nil
	}
	seed, one, err := num("JOBSPOR_SIM_SEED")
	if err != nil || one {
		return seed, seed, err
	}
	from, ok, err := num("JOBSPOR_SIM_FROM")
	if err != nil {
		return 0, 0, err
	}
	if !ok {
		from = 1
	}
	runs, ok, err := num("JOBSPOR_SIM_RUNS")
	if err != nil {
		return 0, 0, err
	}
	if !ok {
		runs = 2 // make test; make office-sim RUNS=N runs more
	}
	to, ok, err = num("JOBSPOR_SIM_TO")
	if err != nil {
		return 0, 0, err
	}
	if !ok {
		to = from + runs - 1
	}
	if to < from {
		return 0, 0, fmt.Errorf("JOBSPOR_SIM_TO=%d is before JOBSPOR_SIM_FROM=%d", to, from)
	}
	return from, to, nil
}

func (s *simStats) add(o simStats) {
	s.ops += o.ops
	s.notes += o.notes
	s.conflicts += o.conflicts
	s.rejected += o.rejected
	s.moves += o.moves
	s.covers += o.covers
}

type simCount struct {
	name string
	n    int
}

// kinds is each kind of violation with its count, in the struct's order.
func (v simViolations) kinds() []simCount {
	x := reflect.ValueOf(v)
	out := make([]simCount, x.NumField())
	for i := range out {
		out[i] = simCount{x.Type().Field(i).Tag.Get("sim"), int(x.Field(i).Int())}
	}
	return out
}

func (v *simViolations) add(o simViolations) {
	a, b := reflect.ValueOf(v).Elem(), reflect.ValueOf(o)
	for i := 0; i < a.NumField(); i++ {
		a.Field(i).SetInt(a.Field(i).Int() + b.Field(i).Int())
	}
}

// simCampaign collects a chunk of runs and appends its line to the log
// (JOBSPOR_SIM_LOG; none: nothing is written).
type simCampaign struct {
	t      testing.TB
	log    string
	commit string
	mutate string // the office broken on purpose ("": not)
	chunk  int
	first  int64 // the chunk's first seed
	to     int64 // the campaign piece's last seed
	at     int64 // the seed running now
	busy   bool  // a run has begun and not been counted
	runs   int
	stats  simStats
	v      simViolations
	start  int64 // unix seconds the chunk began
}

func newSimCampaign(t testing.TB, from, to int64) *simCampaign {
	c := &simCampaign{t: t, log: os.Getenv("JOBSPOR_SIM_LOG"), commit: os.Getenv("JOBSPOR_SIM_COMMIT"), mutate: os.Getenv("JOBSPOR_SIM_MUTATE"), chunk: 50,
		first: from, to: to, start: model.Now().Unix()}
	if n, err := strconv.Atoi(os.Getenv("JOBSPOR_SIM_CHUNK")); err == nil && n > 0 {
		c.chunk = n
	}
	if c.commit == "" {
		c.commit = "-"
	}
	// a run that stops the test (t.Fatal) leaves a line saying where
	t.Cleanup(func() {
		if t.Failed() && c.busy {
			c.write(fmt.Sprintf("stopped\tseed=%d\tcommit=%s%s\tthe run failed before its check: see the test's output; alone: %s",
				c.at, c.commit, c.mutated(), c.alone(c.at)))
		}
	})
	return c
}

// begin says a run of seed begins.
func (c *simCampaign) begin(seed int64) { c.at, c.busy = seed, true }

// add counts one finished run; a chunk full (or the last seed) writes its line.
func (c *simCampaign) add(seed int64, v simViolations, st simStats) {
	c.busy = false
	c.runs++
	c.stats.add(st)
	c.v.add(v)
	if v.total() > 0 {
		var kinds []string
		for _, k := range v.kinds() {
			if k.n > 0 {
				kinds = append(kinds, fmt.Sprintf("%s=%d", k.name, k.n))
			}
		}
		c.write(fmt.Sprintf("violation\tseed=%d\tcommit=%s%s\t%s\talone: %s", seed, c.commit, c.mutated(), strings.Join(kinds, "\t"), c.alone(seed)))
	}
	if c.runs < c.chunk && seed != c.to {
		return
	}
	now := model.Now()
	f := []string{"chunk", fmt.Sprintf("seeds=%d-%d", c.first, seed), "runs=" + strconv.Itoa(c.runs),
		"ops=" + strconv.Itoa(c.stats.ops), "notes=" + strconv.Itoa(c.stats.notes), "conflicts=" + strconv.Itoa(c.stats.conflicts),
		"refusals=" + strconv.Itoa(c.stats.rejected), "moves=" + strconv.Itoa(c.stats.moves), "covers=" + strconv.Itoa(c.stats.covers),
		"violations=" + strconv.Itoa(c.v.total())}
	for _, k := range c.v.kinds() {
		f = append(f, fmt.Sprintf("%s=%d", k.name, k.n))
	}
	f = append(f, "wall_s="+strconv.FormatInt(now.Unix()-c.start, 10), "commit="+c.commit+c.mutated(), "at="+now.UTC().Format("2006-01-02T15:04:05Z"))
	c.write(strings.Join(f, "\t"))
	c.t.Log(strings.Join(f, " "))
	*c = simCampaign{t: c.t, log: c.log, commit: c.commit, mutate: c.mutate, chunk: c.chunk, first: seed + 1, to: c.to, start: now.Unix()}
}

// mutated marks the lines of a run against a broken office (the sum leaves them out).
func (c *simCampaign) mutated() string {
	if c.mutate == "" {
		return ""
	}
	return "\tmutate=" + c.mutate
}

// alone is the command that runs one seed again.
func (c *simCampaign) alone(seed int64) string {
	env := ""
	if c.mutate != "" {
		env = "JOBSPOR_SIM_MUTATE=" + c.mutate + " "
	}
	return fmt.Sprintf("%sJOBSPOR_SIM_SEED=%d go test -count=1 -run '^TestSimulation$' ./model/store/office/", env, seed)
}

func (c *simCampaign) write(line string) {
	if c.log == "" {
		return
	}
	f, err := os.OpenFile(c.log, os.O_WRONLY|os.O_APPEND|os.O_CREATE, 0o644)
	if err != nil {
		c.t.Errorf("campaign log: %v", err)
		return
	}
	if _, err := f.WriteString(line + "\n"); err != nil {
		c.t.Errorf("campaign log: %v", err)
	}
	if err := f.Close(); err != nil {
		c.t.Errorf("campaign log: %v", err)
	}
}
