package main

import (
	"bufio"
	"bytes"
	"strings"
	"testing"
)

// TestPipeSourceReadsRawAndJSONBodies: a reply's body comes either inside its JSON line or as
// bodyBytes raw bytes right after it, newlines and all; the next reply follows them.
func TestPipeSourceReadsRawAndJSONBodies(t *testing.T) {
	body := "# TYPE up gauge\nup 1\n"
	in := strings.NewReader(
		`{"kind":"scrape-reply","id":1,"status":"ok","statusCode":200,"contentType":"text/plain","bodyBytes":21}` + "\n" + body +
			`{"kind":"scrape-reply","id":2,"status":"ok","body":"x 2\n"}` + "\n")
	var out bytes.Buffer
	p := NewPipeSource(bufio.NewReader(in), NewEmitter(&out))
	first, err := p.Scrape("127.0.0.1:1", "/metrics", 3)
	if err != nil || first.Body != body || first.ContentType != "text/plain" {
		t.Fatalf("first reply: %+v, %v", first, err)
	}
	second, err := p.Scrape("127.0.0.1:1", "/metrics", 18)
	if err != nil || second.Body != "x 2\n" {
		t.Fatalf("second reply: %+v, %v", second, err)
	}
	want := `{"kind":"scrape","id":1,"target":"127.0.0.1:1","path":"/metrics","at":3}` + "\n" +
		`{"kind":"scrape","id":2,"target":"127.0.0.1:1","path":"/metrics","at":18}` + "\n"
	if out.String() != want {
		t.Fatalf("requests: %q", out.String())
	}
}
