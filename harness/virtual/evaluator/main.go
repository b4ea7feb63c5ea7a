// Command evaluator drives Prometheus' and Alertmanager's own Go packages on a fake clock
// (testing/synctest) for firedrill's virtual time: JSON lines in on stdin (configs, harness
// events, then the fleet's scrape answers), JSON lines out on stdout (alert transitions,
// evaluation errors, notifications).
package main

import (
	"bufio"
	"fmt"
	"os"
	"regexp"
	"runtime/pprof"
	"testing"
	"testing/synctest"
	"time"
)

// fleetEpoch is the fake wall time the evaluation starts at. synctest's clock starts at
// 2000-01-01, before what the fleet's clocks take for granted (a lattice counts its slots from
// a 2020 genesis, so its chain RPC head never lagged); live fleet time is today's wall time.
// A fixed date, a whole number of every interval, keeps runs reproducible.
var fleetEpoch = time.Date(2026, time.January, 1, 0, 0, 0, 0, time.UTC)

// main runs the evaluation as the single test of a testing.Main, because synctest.Test needs
// a *testing.T and only the testing package makes one.
func main() {
	// `evaluator routes <alertmanager.yml>`: Alertmanager's routing of label sets, no clock.
	if len(os.Args) == 3 && os.Args[1] == "routes" {
		if err := routeAlerts(os.Args[2], os.Stdin, os.Stdout); err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(2)
		}
		return
	}
	testing.Main(matchAll, []testing.InternalTest{{Name: "TestEvaluate", F: evaluateStdin}}, nil, nil)
}

// matchAll is testing.Main's pattern matcher; -test.run is never passed.
func matchAll(pat, str string) (bool, error) { return regexp.MatchString(pat, str) }

// evaluateStdin reads the header from stdin and runs the whole evaluation in one bubble.
func evaluateStdin(t *testing.T) {
	// testing.Main refuses -test.cpuprofile (and exits without running defers in main), so
	// the evaluator is profiled through this variable, around the test itself.
	if file := os.Getenv("FIREDRILL_EVALUATOR_CPUPROFILE"); file != "" {
		if f, err := os.Create(file); err == nil && pprof.StartCPUProfile(f) == nil {
			defer f.Close()
			defer pprof.StopCPUProfile()
		}
	}
	in := bufio.NewReaderSize(os.Stdin, 1<<20)
	out := NewEmitter(os.Stdout)
	input, err := ReadInput(in)
	if err != nil {
		out.Fatal(err)
		fmt.Fprintln(os.Stderr, err)
		os.Exit(2)
	}
	source := NewPipeSource(in, out)
	warmResolver()
	synctest.Test(t, func(t *testing.T) {
		time.Sleep(time.Until(fleetEpoch))
		if err := Evaluate(t.Context(), input, source, out); err != nil {
			out.Fatal(err)
			t.Fatal(err)
		}
	})
}
