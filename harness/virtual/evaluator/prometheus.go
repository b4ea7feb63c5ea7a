package main

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	config_util "github.com/prometheus/common/config"
	"github.com/prometheus/prometheus/config"
	"github.com/prometheus/prometheus/discovery"
	"github.com/prometheus/prometheus/discovery/targetgroup"
	"github.com/prometheus/prometheus/promql"
	"github.com/prometheus/prometheus/promql/parser"
	"github.com/prometheus/prometheus/rules"
	"github.com/prometheus/prometheus/scrape"
	"github.com/prometheus/prometheus/tsdb"
)

// Prometheus flag defaults the evaluator runs with, as `prometheus` starts without flags.
const (
	outageTolerance = time.Hour
	forGracePeriod  = 10 * time.Minute
	resendDelay     = time.Minute
	lookbackDelta   = 5 * time.Minute
)

// virtualPrometheus is one Prometheus server's parts over a TSDB that outlives its restarts.
type virtualPrometheus struct {
	cfg       *config.Config
	ruleFiles []string
	db        *tsdb.DB
	engine    *promql.Engine
	parser    parser.Parser
	dialer    *fleetDialer
	sender    rules.Sender
	tracker   *alertTracker

	scrapes  *scrape.Manager
	tsets    chan map[string][]*targetgroup.Group
	rulesMgr *rules.Manager
	cancel   context.CancelFunc
	wg       sync.WaitGroup
}

// newVirtualPrometheus parses prometheus.yml and opens the TSDB in dir.
func newVirtualPrometheus(in *Input, dir string, dialer *fleetDialer, sender rules.Sender, tracker *alertTracker) (*virtualPrometheus, error) {
	cfg, err := config.Load(in.PrometheusConfig, quietLogger)
	if err != nil {
		return nil, fmt.Errorf("failed to load prometheus.yml: %w", err)
	}
	opts := tsdb.DefaultOptions()
	// No WAL and no head compaction: a drill's hours stay in the head, in memory.
	opts.WALSegmentSize = -1
	opts.MinBlockDuration = (100 * 24 * time.Hour).Milliseconds()
	opts.MaxBlockDuration = opts.MinBlockDuration
	opts.RetentionDuration = opts.MinBlockDuration
	db, err := tsdb.Open(dir, quietLogger, nil, opts, nil)
	if err != nil {
		return nil, fmt.Errorf("failed to open the TSDB in %s: %w", dir, err)
	}
	p := parser.NewParser(parser.Options{})
	engine := promql.NewEngine(promql.EngineOpts{
		Logger:               quietLogger,
		MaxSamples:           50_000_000,
		Timeout:              2 * time.Minute,
		LookbackDelta:        lookbackDelta,
		EnableAtModifier:     true,
		EnableNegativeOffset: true,
		Parser:               p,
	})
	return &virtualPrometheus{
		cfg: cfg, ruleFiles: in.RuleFiles, db: db, engine: engine, parser: p,
		dialer: dialer, sender: sender, tracker: tracker,
	}, nil
}

// start starts scraping and rule evaluation, as the server does when it starts.
func (p *virtualPrometheus) start() error {
	ctx, cancel := context.WithCancel(context.Background())
	p.cancel = cancel
	scrapes, err := scrape.NewManager(&scrape.Options{
		HTTPClientOptions: []config_util.HTTPClientOption{config_util.WithDialContextFunc(p.dialer.DialContext)},
	}, quietLogger, nil, nil, p.db, prometheus.NewRegistry())
	if err != nil {
		return fmt.Errorf("failed to create the scrape manager: %w", err)
	}
	if err := scrapes.ApplyConfig(p.cfg); err != nil {
		return fmt.Errorf("failed to apply the scrape config: %w", err)
	}
	p.scrapes = scrapes
	p.tsets = make(chan map[string][]*targetgroup.Group, 1)
	p.tsets <- staticTargets(p.cfg)
	p.wg.Go(func() { _ = scrapes.Run(p.tsets) })

	external := prometheusExternalURL
	mgr := rules.NewManager(&rules.ManagerOptions{
		AppendableV2:    p.db,
		Queryable:       p.db,
		QueryFunc:       rules.EngineQueryFunc(p.engine, p.db),
		NotifyFunc:      rules.SendAlerts(p.sender, external.String()),
		Context:         ctx,
		ExternalURL:     external,
		Logger:          quietLogger,
		Registerer:      prometheus.NewRegistry(),
		OutageTolerance: outageTolerance,
		ForGracePeriod:  forGracePeriod,
		ResendDelay:     resendDelay,
		DefaultRuleQueryOffset: func() time.Duration {
			return time.Duration(p.cfg.GlobalConfig.RuleQueryOffset)
		},
		Parser: p.parser,
	})
	interval := time.Duration(p.cfg.GlobalConfig.EvaluationInterval)
	// Update only says that loading failed; LoadGroups says where.
	if _, errs := mgr.LoadGroups(interval, p.cfg.GlobalConfig.ExternalLabels, external.String(), p.iterate, false, p.ruleFiles...); len(errs) > 0 {
		return fmt.Errorf("failed to load the rule files: %w", errors.Join(errs...))
	}
	if err := mgr.Update(time.Duration(p.cfg.GlobalConfig.EvaluationInterval), p.ruleFiles,
		p.cfg.GlobalConfig.ExternalLabels, external.String(), p.iterate); err != nil {
		return fmt.Errorf("failed to load the rule files: %w", err)
	}
	p.rulesMgr = mgr
	p.wg.Go(mgr.Run)
	return nil
}

// iterate is the groups' evaluation: upstream's own, then the tracker reads the outcome.
func (p *virtualPrometheus) iterate(ctx context.Context, g *rules.Group, ts time.Time) {
	rules.DefaultEvalIterationFunc(ctx, g, ts)
	p.tracker.observe(g, ts)
}

// stop stops rule evaluation and scraping, as the server does when it shuts down.
func (p *virtualPrometheus) stop() {
	if p.rulesMgr != nil {
		p.rulesMgr.Stop()
	}
	if p.scrapes != nil {
		p.scrapes.Stop()
	}
	if p.cancel != nil {
		p.cancel()
	}
	p.wg.Wait()
	p.rulesMgr, p.scrapes, p.cancel = nil, nil, nil
}

// close stops the server and closes the TSDB.
func (p *virtualPrometheus) close() error {
	p.stop()
	return p.db.Close()
}

// staticTargets is what discovery would send for the config's static_configs.
func staticTargets(cfg *config.Config) map[string][]*targetgroup.Group {
	out := map[string][]*targetgroup.Group{}
	for _, sc := range cfg.ScrapeConfigs {
		var groups []*targetgroup.Group
		for i, sd := range sc.ServiceDiscoveryConfigs {
			static, ok := sd.(discovery.StaticConfig)
			if !ok {
				continue
			}
			for j, g := range static {
				groups = append(groups, &targetgroup.Group{
					Targets: g.Targets, Labels: g.Labels, Source: fmt.Sprintf("%d/%d", i, j),
				})
			}
		}
		out[sc.JobName] = groups
	}
	return out
}
