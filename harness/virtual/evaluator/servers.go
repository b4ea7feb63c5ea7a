package main

import (
	"net/url"

	"github.com/prometheus/common/promslog"
)

// quietLogger is where the virtual Prometheus and Alertmanager log: nowhere, as a drill learns
// what they do from the emitter's events, not from their logs.
var quietLogger = promslog.NewNopLogger()

// The virtual servers' external URLs, as the real ones' --web.external-url: the alerts'
// generatorURL and the notification templates' .ExternalURL name them.
var (
	prometheusExternalURL   = &url.URL{Scheme: "http", Host: "prometheus.virtual:9090"}
	alertmanagerExternalURL = &url.URL{Scheme: "http", Host: "alertmanager.virtual:9093"}
)
