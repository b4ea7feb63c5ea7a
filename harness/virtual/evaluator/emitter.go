package main

import (
	"encoding/json"
	"io"
	"sync"
)

// Emitter writes the evaluator's output, one JSON object a line; safe for concurrent use.
type Emitter struct {
	mu  sync.Mutex
	out io.Writer
}

// NewEmitter writes to out.
func NewEmitter(out io.Writer) *Emitter { return &Emitter{out: out} }

// Emit writes one record.
func (e *Emitter) Emit(record any) {
	b, err := json.Marshal(record)
	if err != nil {
		panic(err)
	}
	e.mu.Lock()
	defer e.mu.Unlock()
	_, _ = e.out.Write(append(b, '\n'))
}

// Fatal reports an error that ended the evaluation.
func (e *Emitter) Fatal(err error) {
	e.Emit(map[string]string{"kind": "fatal", "error": err.Error()})
}

// AlertTransition is an alert rule's alert changing state, as its group's evaluation saw it.
type AlertTransition struct {
	Kind        string            `json:"kind"` // "alert"
	At          float64           `json:"at"`
	State       string            `json:"state"` // pending, firing, inactive
	Alertname   string            `json:"alertname"`
	Labels      map[string]string `json:"labels"`
	Annotations map[string]string `json:"annotations"`
	ActiveAt    float64           `json:"activeAt"`
	Group       string            `json:"group"`
}

// RuleError is an evaluation error of one rule (or its recovery: empty Error).
type RuleError struct {
	Kind  string  `json:"kind"` // "rule-error"
	At    float64 `json:"at"`
	Group string  `json:"group"`
	Rule  string  `json:"rule"`
	Error string  `json:"error"`
}

// Notification is one attempt of Alertmanager's pipeline to notify a receiver.
type Notification struct {
	Kind     string              `json:"kind"` // "notification"
	At       float64             `json:"at"`
	Receiver string              `json:"receiver"`
	GroupKey string              `json:"groupKey"`
	Status   string              `json:"status"` // firing, resolved
	Failed   bool                `json:"failed,omitempty"`
	Alerts   []NotificationAlert `json:"alerts"`
}

// NotificationAlert is one alert of a notification, as a webhook body carries it.
type NotificationAlert struct {
	Status      string            `json:"status"`
	Labels      map[string]string `json:"labels"`
	Annotations map[string]string `json:"annotations"`
}
