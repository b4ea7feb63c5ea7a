package main

import (
	"fmt"
	"strings"
	"testing"
)

// TestTimeFunctionsUseTheFleetClock drills time(), timestamp() and @ unchanged: the target
// reports a restart at fleet t=300 as a unix start time, which only agrees with the
// evaluation's time() because both read the same fake clock.
func TestTimeFunctionsUseTheFleetClock(t *testing.T) {
	source := func(in *Input) Source {
		// The fleet's t=0 in unix seconds, on the bubble's fake clock.
		zeroUnix := float64(nowUnixMs()+int64(in.WarmupSeconds*1000)) / 1000
		return SourceFunc(func(_, _ string, at float64) (Reply, error) {
			start := -3600.0
			if at >= 300 {
				start = 300
			}
			body := fmt.Sprintf("app_start_time_seconds %.3f\n", zeroUnix+start)
			return Reply{Status: "ok", ContentType: "text/plain; version=0.0.4", Body: body}, nil
		})
	}
	var got []string
	for _, r := range runEvaluation(t, "testdata/time-rules.yml", nil, 600, source) {
		if r.Kind == "alert" {
			got = append(got, fmt.Sprintf("%s %s@%g", r.Alertname, r.State, r.At))
		}
	}
	// Each alert's transitions must fall in [from, to] fleet seconds: the event it follows plus
	// one scrape and one evaluation interval.
	want := []struct {
		line     string
		from, to float64
	}{
		{"StartedLongAgo firing", -20, 30},
		{"RecentlyRestarted firing", 300, 330},
		{"StartTimeMoved firing", 300, 330},
		{"StartedLongAgo inactive", 300, 330},
		{"RecentlyRestarted inactive", 420, 450},
		{"StartTimeMoved inactive", 480, 510},
	}
	if len(got) != len(want) {
		t.Fatalf("got %q", got)
	}
	for i, w := range want {
		name, atText, _ := strings.Cut(got[i], "@")
		var at float64
		fmt.Sscanf(atText, "%g", &at)
		if name != w.line || at < w.from || at > w.to {
			t.Fatalf("line %d: got %q, want %s in [%g, %g] (all: %q)", i, got[i], w.line, w.from, w.to, got)
		}
	}
}
