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
)

// main runs the evaluation as the single test of a testing.Main, because synctest.Test needs
// a *testing.T and only the testing package makes one.
func main() {
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
		if err := Evaluate(t.Context(), input, source, out); err != nil {
			out.Fatal(err)
			t.Fatal(err)
		}
	})
}
