package main

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"time"

	"github.com/prometheus/alertmanager/alert"
	"github.com/prometheus/alertmanager/config"
	"github.com/prometheus/alertmanager/config/receiver"
	"github.com/prometheus/alertmanager/dispatch"
	"github.com/prometheus/alertmanager/eventrecorder"
	"github.com/prometheus/alertmanager/featurecontrol"
	"github.com/prometheus/alertmanager/inhibit"
	"github.com/prometheus/alertmanager/nflog"
	"github.com/prometheus/alertmanager/notify"
	"github.com/prometheus/alertmanager/provider/mem"
	"github.com/prometheus/alertmanager/silence"
	"github.com/prometheus/alertmanager/template"
	"github.com/prometheus/alertmanager/timeinterval"
	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/common/model"
	"github.com/prometheus/prometheus/model/labels"
	"github.com/prometheus/prometheus/notifier"
)

// Alertmanager flag defaults the evaluator runs with.
const (
	amRetention           = 120 * time.Hour
	alertGCInterval       = 30 * time.Minute
	dispatchMaintenance   = 30 * time.Second
	errReceiverOutageText = "virtual receiver outage"
)

// virtualAlertmanager is one Alertmanager's parts; the notification log and silences outlive
// its restarts, as their snapshots on disk do.
type virtualAlertmanager struct {
	conf     *config.Config
	tmpl     *template.Template
	nflog    *nflog.Log
	silencer *silence.Silencer
	clock    *fleetClock
	out      *Emitter

	mu         sync.Mutex
	alerts     *mem.Alerts
	inhibitor  *inhibit.Inhibitor
	dispatcher *dispatch.Dispatcher
	down       map[string]bool // receiver name ("" = all) -> failing
}

// newVirtualAlertmanager loads alertmanager.yml as written.
func newVirtualAlertmanager(path string, clock *fleetClock, out *Emitter) (*virtualAlertmanager, error) {
	conf, err := config.LoadFile(path)
	if err != nil {
		return nil, fmt.Errorf("failed to load %s: %w", path, err)
	}
	tmpl, err := template.FromGlobs(conf.Templates)
	if err != nil {
		return nil, fmt.Errorf("failed to parse the templates of %s: %w", path, err)
	}
	tmpl.ExternalURL = alertmanagerExternalURL
	nl, err := nflog.New(nflog.Options{Retention: amRetention, Logger: quietLogger, Metrics: prometheus.NewRegistry()})
	if err != nil {
		return nil, fmt.Errorf("failed to create the notification log: %w", err)
	}
	sil, err := silence.New(silence.Options{Retention: amRetention, Logger: quietLogger, Metrics: prometheus.NewRegistry()})
	if err != nil {
		return nil, fmt.Errorf("failed to create the silences: %w", err)
	}
	return &virtualAlertmanager{
		conf: conf, tmpl: tmpl, nflog: nl, silencer: silence.NewSilencer(sil, quietLogger, eventrecorder.NopRecorder()),
		clock: clock, out: out, down: map[string]bool{},
	}, nil
}

// start builds the alert store, inhibitor, pipeline and dispatcher, as a starting server does.
func (a *virtualAlertmanager) start() error {
	rec := eventrecorder.NopRecorder()
	ff := featurecontrol.NoopFlags{}
	alerts, err := mem.NewAlerts(context.Background(), alertGCInterval, 0, a.silencer, quietLogger, rec, prometheus.NewRegistry(), ff)
	if err != nil {
		return fmt.Errorf("failed to create the alert store: %w", err)
	}
	routes := dispatch.NewRoute(a.conf.Route, nil)
	used := map[string]bool{}
	routes.Walk(func(r *dispatch.Route) { used[r.RouteOpts.Receiver] = true })
	receivers := map[string][]notify.Integration{}
	for _, rcv := range a.conf.Receivers {
		if !used[rcv.Name] {
			continue
		}
		// The real integrations check the receiver's config; each is then replaced by a
		// recorder that keeps its name, index and send_resolved.
		real, err := receiver.BuildReceiverIntegrations(rcv, a.tmpl, quietLogger)
		if err != nil {
			return fmt.Errorf("failed to build receiver %q: %w", rcv.Name, err)
		}
		for _, in := range real {
			rn := &recordingNotifier{am: a, receiver: rcv.Name}
			receivers[rcv.Name] = append(receivers[rcv.Name], notify.NewIntegration(rn, &in, in.Name(), in.Index(), rcv.Name))
		}
	}
	intervals := map[string][]timeinterval.TimeInterval{}
	for _, ti := range a.conf.MuteTimeIntervals {
		intervals[ti.Name] = ti.TimeIntervals
	}
	for _, ti := range a.conf.TimeIntervals {
		intervals[ti.Name] = ti.TimeIntervals
	}
	intervener := timeinterval.NewIntervener(intervals)
	inhibitor := inhibit.NewInhibitor(alerts, a.conf.InhibitRules, quietLogger, rec)
	wait := func() time.Duration { return 0 }
	pipeline := notify.NewPipelineBuilder(prometheus.NewRegistry(), ff, rec).New(receivers, wait, inhibitor, a.silencer, intervener, a.nflog, nil)
	timeout := func(d time.Duration) time.Duration { return max(d, notify.MinTimeout) }
	disp := dispatch.NewDispatcher(alerts, routes, pipeline, intervener, timeout, dispatchMaintenance, nil, quietLogger, rec, nil, a.tmpl)
	go inhibitor.Run()
	inhibitor.WaitForLoading()
	go disp.Run(time.Now())
	disp.WaitForLoading()
	a.mu.Lock()
	a.alerts, a.inhibitor, a.dispatcher = alerts, inhibitor, disp
	a.mu.Unlock()
	return nil
}

// stop stops the dispatcher and inhibitor and drops the alerts in memory.
func (a *virtualAlertmanager) stop() {
	a.mu.Lock()
	alerts, inh, disp := a.alerts, a.inhibitor, a.dispatcher
	a.alerts, a.inhibitor, a.dispatcher = nil, nil, nil
	a.mu.Unlock()
	if disp == nil {
		return
	}
	inh.Stop()
	disp.Stop()
	alerts.Close()
}

// setReceiverDown makes a receiver (or all, for "") fail or deliver again.
func (a *virtualAlertmanager) setReceiverDown(name string, down bool) {
	a.mu.Lock()
	defer a.mu.Unlock()
	a.down[name] = down
}

func (a *virtualAlertmanager) receiverDown(name string) bool {
	a.mu.Lock()
	defer a.mu.Unlock()
	return a.down[name] || a.down[""]
}

// Send is Prometheus' notifier posting to Alertmanager's API: the API's own defaulting, then
// the alert store. While Alertmanager is down the post fails and the alerts are lost.
func (a *virtualAlertmanager) Send(alerts ...*notifier.Alert) {
	a.mu.Lock()
	store := a.alerts
	a.mu.Unlock()
	if store == nil {
		return
	}
	now := time.Now()
	resolveTimeout := time.Duration(a.conf.Global.ResolveTimeout)
	valid := make([]*alert.Alert, 0, len(alerts))
	for _, pa := range alerts {
		m := model.Alert{
			Labels: labelSet(pa.Labels), Annotations: labelSet(pa.Annotations),
			StartsAt: pa.StartsAt, EndsAt: pa.EndsAt, GeneratorURL: pa.GeneratorURL,
		}
		if m.StartsAt.IsZero() {
			m.StartsAt = now
			if !m.EndsAt.IsZero() {
				m.StartsAt = m.EndsAt
			}
		}
		timeout := m.EndsAt.IsZero()
		if timeout {
			m.EndsAt = now.Add(resolveTimeout)
		}
		if alert.Validate(&m) != nil {
			continue
		}
		valid = append(valid, alert.New(m, now, timeout))
	}
	_ = store.Put(context.Background(), valid...)
}

// labelSet drops empty values, as the API does.
func labelSet(ls labels.Labels) model.LabelSet {
	out := model.LabelSet{}
	ls.Range(func(l labels.Label) {
		if l.Value != "" {
			out[model.LabelName(l.Name)] = model.LabelValue(l.Value)
		}
	})
	return out
}

// recordingNotifier records each notification instead of sending it.
type recordingNotifier struct {
	am       *virtualAlertmanager
	receiver string
}

// Notify records the notification, or fails it (to be retried) during a receiver outage.
func (r *recordingNotifier) Notify(ctx context.Context, alerts ...*alert.Alert) notify.NotifyVerdict {
	groupKey, _ := notify.GroupKey(ctx)
	as := alert.Alerts(alerts...)
	n := Notification{
		Kind: "notification", At: r.am.clock.Fleet(time.Now()), Receiver: r.receiver,
		GroupKey: groupKey, Status: string(as.Status()),
	}
	for _, m := range as {
		n.Alerts = append(n.Alerts, NotificationAlert{
			Status: string(m.Status()), Labels: stringMap(m.Labels), Annotations: stringMap(m.Annotations),
		})
	}
	if r.am.receiverDown(r.receiver) {
		n.Failed = true
		r.am.out.Emit(n)
		return notify.Retry(0, errors.New(errReceiverOutageText), notify.ServerErrorReason)
	}
	r.am.out.Emit(n)
	return notify.Success()
}

func stringMap(ls model.LabelSet) map[string]string {
	out := make(map[string]string, len(ls))
	for k, v := range ls {
		out[string(k)] = string(v)
	}
	return out
}
