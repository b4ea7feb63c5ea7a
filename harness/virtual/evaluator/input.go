package main

import (
	"bufio"
	"encoding/json"
	"errors"
	"fmt"
	"io"
)

// Input is the header the TypeScript side sends before the first scrape.
type Input struct {
	Kind string `json:"kind"`
	// PrometheusConfig is prometheus.yml as text, in fleet time (unscaled), static targets.
	PrometheusConfig string `json:"prometheusConfig"`
	// RuleFiles are the rule files as written (unscaled); they replace rule_files of the config.
	RuleFiles []string `json:"ruleFiles"`
	// AlertmanagerConfig is the path of alertmanager.yml as written.
	AlertmanagerConfig string `json:"alertmanagerConfig"`
	// WarmupSeconds runs before fleet t=0 so that every target has been scraped once at t=0.
	WarmupSeconds float64 `json:"warmupSeconds"`
	// DurationSeconds is the fleet time to run after t=0.
	DurationSeconds float64 `json:"durationSeconds"`
	// Events are the harness faults that act on the stack, in fleet seconds.
	Events []Event `json:"events"`
}

// Event is one harness fault acting on Prometheus, Alertmanager or a receiver.
type Event struct {
	At float64 `json:"at"`
	// Kind: prometheus-down, prometheus-up, alertmanager-down, alertmanager-up,
	// receiver-down, receiver-up.
	Kind string `json:"kind"`
	// Receiver names the receiver of receiver-down/up; empty means every receiver.
	Receiver string `json:"receiver,omitempty"`
}

var eventKinds = map[string]bool{
	"prometheus-down": true, "prometheus-up": true,
	"alertmanager-down": true, "alertmanager-up": true,
	"receiver-down": true, "receiver-up": true,
}

// ReadInput reads and checks the header line.
func ReadInput(r *bufio.Reader) (*Input, error) {
	line, err := r.ReadBytes('\n')
	if err != nil && !(errors.Is(err, io.EOF) && len(line) > 0) {
		return nil, fmt.Errorf("failed to read the evaluator's input header: %w", err)
	}
	var in Input
	if err := json.Unmarshal(line, &in); err != nil {
		return nil, fmt.Errorf("failed to parse the evaluator's input header: %w", err)
	}
	if in.Kind != "config" {
		return nil, fmt.Errorf("failed to read the evaluator's input header: kind is %q, expected \"config\"", in.Kind)
	}
	if in.DurationSeconds <= 0 {
		return nil, errors.New("failed to read the evaluator's input header: durationSeconds must be positive")
	}
	for i, e := range in.Events {
		if !eventKinds[e.Kind] {
			return nil, fmt.Errorf("failed to read the evaluator's input header: events[%d].kind %q is unknown", i, e.Kind)
		}
	}
	return &in, nil
}
