package main

import (
	"sync"
	"time"

	"github.com/prometheus/prometheus/rules"
)

// alertTracker turns what each group evaluation leaves in its alerting rules into transitions:
// the upstream state machine decides, the tracker only reports the changes.
type alertTracker struct {
	mu     sync.Mutex
	clock  *fleetClock
	out    *Emitter
	states map[string]map[string]trackedAlert // group key -> alert key -> last state
	errs   map[string]string                  // group key + rule -> last error
}

type trackedAlert struct {
	state string
	rec   AlertTransition
}

func newAlertTracker(clock *fleetClock, out *Emitter) *alertTracker {
	return &alertTracker{clock: clock, out: out, states: map[string]map[string]trackedAlert{}, errs: map[string]string{}}
}

// observe reports the alerts of g that changed state in the evaluation at ts.
func (t *alertTracker) observe(g *rules.Group, ts time.Time) {
	t.mu.Lock()
	defer t.mu.Unlock()
	at := t.clock.Fleet(ts)
	gk := rules.GroupKey(g.File(), g.Name())
	for _, r := range g.Rules() {
		key := gk + "\x00" + r.Name()
		msg := ""
		if err := r.LastError(); err != nil {
			msg = err.Error()
		}
		if msg != t.errs[key] {
			t.errs[key] = msg
			t.out.Emit(RuleError{Kind: "rule-error", At: at, Group: gk, Rule: r.Name(), Error: msg})
		}
	}
	prev := t.states[gk]
	next := map[string]trackedAlert{}
	for _, ar := range g.AlertingRules() {
		for _, a := range ar.ActiveAlerts() {
			state := a.State.String()
			k := ar.Name() + "\x00" + a.Labels.String()
			rec := AlertTransition{
				Kind: "alert", At: at, State: state, Alertname: ar.Name(),
				Labels: a.Labels.Map(), Annotations: a.Annotations.Map(),
				ActiveAt: t.clock.Fleet(a.ActiveAt), Group: gk,
			}
			next[k] = trackedAlert{state: state, rec: rec}
			if p, ok := prev[k]; !ok || p.state != state {
				t.out.Emit(rec)
			}
		}
	}
	for k, p := range prev {
		if _, ok := next[k]; !ok {
			rec := p.rec
			rec.At, rec.State = at, "inactive"
			t.out.Emit(rec)
		}
	}
	t.states[gk] = next
}
