package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net"
	"net/http"
	"strconv"
	"sync"
	"time"
)

// Reply is what the fleet answers to one scrape.
type Reply struct {
	// Status: ok (an HTTP answer), refused (the listener is gone), hang (never answers).
	Status      string `json:"status"`
	StatusCode  int    `json:"statusCode,omitempty"`
	ContentType string `json:"contentType,omitempty"`
	Body        string `json:"body,omitempty"`
	// DelaySeconds holds the answer back (fake time): a slow network path.
	DelaySeconds float64 `json:"delaySeconds,omitempty"`
}

// Source answers scrapes with what the fleet would serve at fleet time at.
type Source interface {
	Scrape(target, path string, at float64) (Reply, error)
}

// SourceFunc adapts a function to Source (tests).
type SourceFunc func(target, path string, at float64) (Reply, error)

// Scrape calls f.
func (f SourceFunc) Scrape(target, path string, at float64) (Reply, error) {
	return f(target, path, at)
}

// PipeSource asks the TypeScript side over stdout/stdin, one scrape at a time. Fake time does
// not advance while it waits, since reading a pipe is not durably blocking.
type PipeSource struct {
	mu  sync.Mutex
	in  *bufio.Reader
	out *Emitter
	id  int
}

// NewPipeSource reads replies from in and writes requests through out.
func NewPipeSource(in *bufio.Reader, out *Emitter) *PipeSource {
	return &PipeSource{in: in, out: out}
}

type scrapeRequest struct {
	Kind   string  `json:"kind"`
	ID     int     `json:"id"`
	Target string  `json:"target"`
	Path   string  `json:"path"`
	At     float64 `json:"at"`
}

type scrapeReply struct {
	Reply
	Kind string `json:"kind"`
	ID   int    `json:"id"`
	// BodyBytes, when set, is the length of the body sent raw right after the line: escaping a
	// large exposition into JSON and back cost more than the rest of the exchange.
	BodyBytes int `json:"bodyBytes,omitempty"`
}

// Scrape sends one request and waits for its reply.
func (p *PipeSource) Scrape(target, path string, at float64) (Reply, error) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.id++
	p.out.Emit(scrapeRequest{Kind: "scrape", ID: p.id, Target: target, Path: path, At: at})
	line, err := p.in.ReadBytes('\n')
	if err != nil {
		return Reply{}, fmt.Errorf("failed to read the reply to scrape %d: %w", p.id, err)
	}
	var r scrapeReply
	if err := json.Unmarshal(line, &r); err != nil {
		return Reply{}, fmt.Errorf("failed to parse the reply to scrape %d: %w", p.id, err)
	}
	if r.Kind != "scrape-reply" || r.ID != p.id {
		return Reply{}, fmt.Errorf("failed to read the reply to scrape %d: got kind %q id %d", p.id, r.Kind, r.ID)
	}
	if r.BodyBytes > 0 {
		body := make([]byte, r.BodyBytes)
		if _, err := io.ReadFull(p.in, body); err != nil {
			return Reply{}, fmt.Errorf("failed to read the %d body bytes of scrape %d: %w", r.BodyBytes, p.id, err)
		}
		r.Body = string(body)
	}
	return r.Reply, nil
}

// fleetDialer connects Prometheus' scrape client to the fleet through in-memory pipes: each
// connection carries one HTTP request, answered by the Source at the fake time it arrives.
type fleetDialer struct {
	source Source
	clock  *fleetClock
	errs   func(error)
}

// DialContext is the scrape client's dialer.
func (d *fleetDialer) DialContext(_ context.Context, _, addr string) (net.Conn, error) {
	client, server := net.Pipe()
	go d.serve(addr, server)
	return client, nil
}

// serve answers the one request of a connection.
func (d *fleetDialer) serve(addr string, conn net.Conn) {
	defer conn.Close()
	req, err := http.ReadRequest(bufio.NewReader(conn))
	if err != nil {
		return
	}
	reply, err := d.source.Scrape(addr, req.URL.RequestURI(), d.clock.Fleet(time.Now()))
	if err != nil {
		d.errs(err)
		return
	}
	switch reply.Status {
	case "refused":
		return
	case "hang":
		// Never answer: the scrape times out when the client closes the connection.
		_, _ = io.Copy(io.Discard, conn)
		return
	}
	if reply.DelaySeconds > 0 {
		time.Sleep(time.Duration(reply.DelaySeconds * float64(time.Second)))
	}
	code := reply.StatusCode
	if code == 0 {
		code = http.StatusOK
	}
	resp := &http.Response{
		StatusCode:    code,
		Status:        strconv.Itoa(code) + " " + http.StatusText(code),
		ProtoMajor:    1,
		ProtoMinor:    1,
		Header:        http.Header{"Content-Type": {reply.ContentType}},
		Body:          io.NopCloser(bytes.NewReader([]byte(reply.Body))),
		ContentLength: int64(len(reply.Body)),
		Close:         true,
		Request:       req,
	}
	_ = resp.Write(conn)
}

// fleetClock maps fake time to fleet seconds.
type fleetClock struct{ zero time.Time }

// Fleet is t in fleet seconds (negative during the warm-up).
func (c *fleetClock) Fleet(t time.Time) float64 { return t.Sub(c.zero).Seconds() }

// At is the fake time of fleet second s.
func (c *fleetClock) At(s float64) time.Time {
	return c.zero.Add(time.Duration(s * float64(time.Second)))
}
