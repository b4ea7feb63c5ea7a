package main

import (
	"context"
	"errors"
	"os"
	"sort"
	"sync"
	"time"
)

// Evaluate runs Prometheus and Alertmanager for the warm-up and the input's fleet duration on
// the bubble's fake clock, playing the harness events at their fleet times. It must run
// inside a synctest bubble: it sleeps through hours.
func Evaluate(ctx context.Context, in *Input, source Source, out *Emitter) error {
	clock := &fleetClock{zero: time.Now().Add(time.Duration(in.WarmupSeconds * float64(time.Second)))}
	// The fleet's clock reads this wall time at t=0, so time(), timestamp() and @ agree with it.
	out.Emit(map[string]any{"kind": "start", "zeroUnixMs": clock.zero.UnixMilli()})
	var mu sync.Mutex
	var sourceErr error
	dialer := &fleetDialer{source: source, clock: clock, errs: func(err error) {
		mu.Lock()
		defer mu.Unlock()
		sourceErr = errors.Join(sourceErr, err)
	}}
	dir, err := os.MkdirTemp("", "firedrill-evaluator-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(dir)
	am, err := newVirtualAlertmanager(in.AlertmanagerConfig, clock, out)
	if err != nil {
		return err
	}
	prom, err := newVirtualPrometheus(in, dir, dialer, am, newAlertTracker(clock, out))
	if err != nil {
		return err
	}
	// Stopped on every path: a bubble ends only when all its goroutines have.
	defer am.stop()
	defer func() { _ = prom.close() }()
	if err := am.start(); err != nil {
		return err
	}
	if err := prom.start(); err != nil {
		return err
	}
	events := append([]Event(nil), in.Events...)
	sort.SliceStable(events, func(i, j int) bool { return events[i].At < events[j].At })
	for _, e := range events {
		if err := sleepUntil(ctx, clock.At(e.At)); err != nil {
			break
		}
		if err := apply(e, prom, am); err != nil {
			return err
		}
	}
	_ = sleepUntil(ctx, clock.At(in.DurationSeconds))
	out.Emit(map[string]any{"kind": "end", "at": clock.Fleet(time.Now())})
	mu.Lock()
	defer mu.Unlock()
	return sourceErr
}

// apply plays one harness event.
func apply(e Event, prom *virtualPrometheus, am *virtualAlertmanager) error {
	switch e.Kind {
	case "prometheus-down":
		prom.stop()
	case "prometheus-up":
		return prom.start()
	case "alertmanager-down":
		am.stop()
	case "alertmanager-up":
		return am.start()
	case "receiver-down":
		am.setReceiverDown(e.Receiver, true)
	case "receiver-up":
		am.setReceiverDown(e.Receiver, false)
	}
	return nil
}

// sleepUntil sleeps (in fake time) until t.
func sleepUntil(ctx context.Context, t time.Time) error {
	d := time.Until(t)
	if d <= 0 {
		return nil
	}
	select {
	case <-ctx.Done():
		return ctx.Err()
	case <-time.After(d):
		return nil
	}
}

// timeNow is time.Now, named for tests.
var timeNow = time.Now
