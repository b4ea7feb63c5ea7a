package main

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"sort"

	"github.com/prometheus/alertmanager/config"
	"github.com/prometheus/alertmanager/dispatch"
	"github.com/prometheus/common/model"
)

// matchedRoute is one route Alertmanager's dispatcher sends an alert to, with its timings in
// seconds: what the harness's computed windows take group_wait and group_interval from.
type matchedRoute struct {
	Receiver       string   `json:"receiver"`
	GroupBy        []string `json:"groupBy"`
	GroupByAll     bool     `json:"groupByAll"`
	GroupWait      float64  `json:"groupWait"`
	GroupInterval  float64  `json:"groupInterval"`
	RepeatInterval float64  `json:"repeatInterval"`
}

// routesAnswer is the answer to one label set: the routes it matches, or why it could not be read.
type routesAnswer struct {
	Routes []matchedRoute `json:"routes,omitempty"`
	Error  string         `json:"error,omitempty"`
}

// routeAlerts loads an Alertmanager config and answers, for each label set read from in (one
// JSON object of label names to values a line), the routes Alertmanager's own routing tree
// matches, one JSON line each on out. Used as `evaluator routes <alertmanager.yml>`.
func routeAlerts(configPath string, in io.Reader, out io.Writer) error {
	conf, err := config.LoadFile(configPath)
	if err != nil {
		return fmt.Errorf("failed to load %s: %w", configPath, err)
	}
	tree := dispatch.NewRoute(conf.Route, nil)
	scanner := bufio.NewScanner(in)
	scanner.Buffer(make([]byte, 1<<16), 1<<20)
	encoder := json.NewEncoder(out)
	for scanner.Scan() {
		var labels map[string]string
		if err := json.Unmarshal(scanner.Bytes(), &labels); err != nil {
			if err := encoder.Encode(routesAnswer{Error: err.Error()}); err != nil {
				return err
			}
			continue
		}
		set := model.LabelSet{}
		for k, v := range labels {
			set[model.LabelName(k)] = model.LabelValue(v)
		}
		answer := routesAnswer{Routes: []matchedRoute{}}
		for _, r := range tree.Match(set) {
			groupBy := make([]string, 0, len(r.RouteOpts.GroupBy))
			for name := range r.RouteOpts.GroupBy {
				groupBy = append(groupBy, string(name))
			}
			sort.Strings(groupBy)
			answer.Routes = append(answer.Routes, matchedRoute{
				Receiver:       r.RouteOpts.Receiver,
				GroupBy:        groupBy,
				GroupByAll:     r.RouteOpts.GroupByAll,
				GroupWait:      r.RouteOpts.GroupWait.Seconds(),
				GroupInterval:  r.RouteOpts.GroupInterval.Seconds(),
				RepeatInterval: r.RouteOpts.RepeatInterval.Seconds(),
			})
		}
		if err := encoder.Encode(answer); err != nil {
			return err
		}
	}
	return scanner.Err()
}
