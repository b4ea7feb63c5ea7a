package main

import (
	"bytes"
	"strings"
	"testing"
)

func TestRoutesAnswerEachLabelSetWithTheMatchedRoutesTimings(t *testing.T) {
	in := strings.NewReader(`{"alertname":"QueueHigh","severity":"page"}
{"alertname":"QueueHigh","severity":"ticket"}
not json
`)
	var out bytes.Buffer
	if err := routeAlerts("testdata/alertmanager.yml", in, &out); err != nil {
		t.Fatal(err)
	}
	want := `{"routes":[{"receiver":"pager","groupBy":["alertname"],"groupByAll":false,"groupWait":30,"groupInterval":60,"repeatInterval":14400}]}
{"routes":[{"receiver":"default","groupBy":["alertname"],"groupByAll":false,"groupWait":30,"groupInterval":60,"repeatInterval":14400}]}
{"error":"invalid character 'o' in literal null (expecting 'u')"}
`
	if got := out.String(); got != want {
		t.Errorf("routes:\n%s\nwant:\n%s", got, want)
	}
}

func TestRoutesRefuseAConfigThatDoesNotLoad(t *testing.T) {
	err := routeAlerts("testdata/no-such.yml", strings.NewReader(""), &bytes.Buffer{})
	if err == nil || !strings.Contains(err.Error(), "failed to load testdata/no-such.yml") {
		t.Fatalf("err = %v", err)
	}
}
