package local

import (
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/incidentcopilot/incident-copilot/copilot"
)

type wantFollowUp struct {
	prefix   string // start of the message that states it
	captured bool
	key      string
	owner    string
	due      string
}

// followUpFileTests list every follow-up of each hand-made transcript: anything the
// engine reports beyond these is a false positive.
var followUpFileTests = []struct {
	name string
	file string
	want []wantFollowUp
}{
	{
		name: "slack channel: forms, agreement, capture by key, thread and content",
		file: "slack_pool",
		want: []wantFollowUp{
			{prefix: "we should alert on pool usage"},
			{prefix: "TODO: add a per-job connection cap", captured: true, key: "PAY-912"},
			{prefix: "<@U0SAM> can you own the pool sizing review", owner: "sam", due: "by friday"},
			{prefix: "next time let's make sure batch jobs", captured: true, key: "PAY-915"},
			{prefix: "could we get a runbook for killing", captured: true, key: "SRE-210"},
		},
	},
	{
		name: "document: action item matched to a differently worded ticket",
		file: "doc_pool_orders",
		want: []wantFollowUp{
			{prefix: "action item: put idle_in_transaction_session_timeout", captured: true, key: "ORD-51"},
			{prefix: "we need a dashboard for connections"},
		},
	},
	{
		name: "dns channel: I'll open a ticket, then the key",
		file: "slack_dns",
		want: []wantFollowUp{
			{prefix: "I'll open a ticket to add a synthetic DNS probe", captured: true, key: "NET-77", owner: "tom"},
			{prefix: "action item: document ndots tuning"},
			{prefix: "could we autoscale coredns"},
		},
	},
	{
		name: "postmortem: action items are captured by their tickets, lessons judged",
		file: "postmortem_ingress",
		want: []wantFollowUp{
			{prefix: "Add an integration test", captured: true, key: "PM2025-T01-AI1"},
			{prefix: "Move the default route", captured: true, key: "PM2025-T01-AI2"},
			{prefix: "We need to review ingress changes"},
		},
	},
	{
		name: "ordinary chatter has none",
		file: "chatter",
	},
}

func TestLocalFollowUpsFiles(t *testing.T) {
	e := New(nil)
	for _, tt := range followUpFileTests {
		t.Run(tt.name, func(t *testing.T) {
			inc := loadTestIncident(t, tt.file)
			ans, err := e.FollowUps(context.Background(), inc)
			if err != nil {
				t.Fatal(err)
			}
			checkFollowUps(t, inc, ans, tt.want)
		})
	}
}

func checkFollowUps(t *testing.T, inc *copilot.Incident, ans *copilot.FollowUpsAnswer, want []wantFollowUp) {
	t.Helper()
	got := map[string]copilot.FollowUp{}
	for i, it := range ans.Items {
		got[it.SourceTS] = it
		if i > 0 && it.Captured != ans.Items[i-1].Captured && !it.Captured {
			t.Errorf("uncaptured item %q listed after a captured one", it.Text)
		}
		if it.Text == "" {
			t.Errorf("item at %s has no text", it.SourceTS)
		}
	}
	for _, w := range want {
		ts := tsOf(t, inc, w.prefix)
		it, ok := got[ts]
		if !ok {
			t.Errorf("missed follow-up %q", w.prefix)
			continue
		}
		delete(got, ts)
		if it.Captured != w.captured || it.TicketKey != w.key {
			t.Errorf("%q: captured=%v key=%q, want %v %q", w.prefix, it.Captured, it.TicketKey, w.captured, w.key)
		}
		if it.Owner != w.owner || it.DueText != w.due {
			t.Errorf("%q: owner=%q due=%q, want %q %q", w.prefix, it.Owner, it.DueText, w.owner, w.due)
		}
	}
	for _, it := range got {
		t.Errorf("not a follow-up: %q (%s)", it.Text, it.SourceTS)
	}
}

// A short incident whose mitigation and resolution are clear, so that each test
// message below lands in the wrap-up unless the test places it earlier.
var followUpIncidentPrefix = []string{
	"bot> [FIRING] CheckoutErrors 5xx 12%",
	"ana: looking, I'll grab the logs",
	"ben: db pool exhausted, max_connections hit",
	"ana: restarting the api pods now",
	"ben: rolled back the release",
	"ana: errors back to normal",
	"ana: resolved",
}

var followUpMessageTests = []struct {
	name    string
	msgs    []string // appended after the prefix
	at      int      // index (from 0 in msgs) of the message expected as follow-up; -1 for none
	owner   string
	due     string // the words
	date    string // the date they name, when checked
	before  bool   // insert msgs before the mitigation instead
	capture string
}{
	{name: "we should", msgs: []string{"cara: we should alert on pool saturation"}, at: 0},
	{name: "action item", msgs: []string{"cara: action item: add a canary stage for config changes"}, at: 0},
	{name: "todo for the speaker", msgs: []string{"cara: TODO for me: document the pool limits in the runbook"}, at: 0, owner: "cara"},
	{name: "named owner will", msgs: []string{"cara: @ben will add an alert on pool saturation by EOW"}, at: 0, owner: "ben", due: "by EOW"},
	{name: "todo with owner", msgs: []string{"cara: TODO(ben): document the pool limits in the runbook"}, at: 0, owner: "ben"},
	{name: "next time", msgs: []string{"cara: next time let's check the dashboard for pool usage first"}, at: 0},
	{name: "question proposal", msgs: []string{"cara: could we cap connections per pod in the helm chart?"}, at: 0},
	{name: "complaint implying an alert", msgs: []string{"cara: nothing paged us until customers complained"}, at: 0},
	{name: "commitment with a date", msgs: []string{"cara: I'll add a lint check for pool sizes by EOW"}, at: 0, owner: "cara", due: "by EOW"},
	{name: "owner asked by mention", msgs: []string{"cara: @ben can you own the pool sizing review by next sprint?"}, at: 0, owner: "ben", due: "by next sprint"},
	{name: "due date as a date", msgs: []string{"cara: we should add a pool alert before 2026-03-10"}, at: 0, due: "before 2026-03-10", date: "2026-03-10"},
	{name: "agreement is attributed to the idea", msgs: []string{"cara: we should add a dashboard for pool usage", "ben: +1"}, at: 0},
	{name: "agreement with commitment sets the owner", msgs: []string{"cara: we should add a dashboard for pool usage", "ben: +1, I'll take it"}, at: 0, owner: "ben"},
	{name: "agreement promotes a weak proposal", msgs: []string{"cara: maybe we could tune the pool timeout", "ben: +1 to tuning the pool timeout"}, at: 0},
	{name: "near-identical proposals are one", msgs: []string{"cara: we should alert on pool saturation", "ben: we should alert on pool saturation!"}, at: 0},
	{name: "triage step is not", msgs: []string{"cara: I'll grab the heap dump"}, at: -1},
	{name: "mitigation proposal during the incident is not", msgs: []string{"cara: should we roll back?"}, at: -1, before: true},
	{name: "restart is not", msgs: []string{"cara: restarting the pods now"}, at: -1},
	{name: "paging is not", msgs: []string{"cara: paging the db owner"}, at: -1, before: true},
	{name: "hope is not", msgs: []string{"cara: hopefully next time the alert fires earlier"}, at: -1},
	{name: "status update is not", msgs: []string{"cara: update: error rate at 0.1%, watching"}, at: -1},
	{name: "joke is not", msgs: []string{"cara: next time we just unplug the whole db cluster lol"}, at: -1},
	{name: "postmortem paperwork is not", msgs: []string{"cara: I'll write the postmortem doc tomorrow"}, at: -1},
	{name: "hypothesis is not", msgs: []string{"cara: could it be the pool limit again?"}, at: -1, before: true},
	{name: "thanks is not", msgs: []string{"cara: great work everyone, thanks"}, at: -1},
	{name: "key in the same message", msgs: []string{"cara: we should alert on pool saturation, filed OPS-12"}, at: 0, capture: "OPS-12"},
	{name: "tracker url in a later message", msgs: []string{"cara: we should alert on pool saturation", "cara: https://acme.atlassian.net/browse/OPS-13"}, at: 0, capture: "OPS-13"},
	{name: "severity is not a ticket", msgs: []string{"cara: we should alert before this becomes a SEV-1"}, at: 0},
}

func TestLocalFollowUpsMessages(t *testing.T) {
	e := New(nil)
	for _, tt := range followUpMessageTests {
		t.Run(tt.name, func(t *testing.T) {
			var texts []string
			if tt.before {
				texts = append(texts, followUpIncidentPrefix[:3]...)
				texts = append(texts, tt.msgs...)
				texts = append(texts, followUpIncidentPrefix[3:]...)
			} else {
				texts = append(append(texts, followUpIncidentPrefix...), tt.msgs...)
			}
			inc := synthetic("INC-7", texts...)
			ans, err := e.FollowUps(context.Background(), inc)
			if err != nil {
				t.Fatal(err)
			}
			if tt.at < 0 {
				for _, it := range ans.Items {
					t.Errorf("not a follow-up: %q", it.Text)
				}
				return
			}
			if len(ans.Items) != 1 {
				t.Fatalf("got %d items %+v, want 1", len(ans.Items), ans.Items)
			}
			it := ans.Items[0]
			off := len(followUpIncidentPrefix)
			if tt.before {
				off = 3
			}
			if want := inc.Messages[off+tt.at].TS; it.SourceTS != want {
				t.Errorf("item from %s (%q), want %s", it.SourceTS, it.Text, want)
			}
			if it.Owner != tt.owner || it.DueText != tt.due || (tt.date != "" && it.Due != tt.date) {
				t.Errorf("owner=%q due=%q (%s), want %q %q (%s)", it.Owner, it.DueText, it.Due, tt.owner, tt.due, tt.date)
			}
			if it.TicketKey != tt.capture || it.Captured != (tt.capture != "") {
				t.Errorf("captured=%v key=%q, want key %q", it.Captured, it.TicketKey, tt.capture)
			}
		})
	}
}

var ticketRefTests = []struct {
	name string
	text string
	want []string
}{
	{"key", "filed PAY-881 for it", []string{"PAY-881"}},
	{"a known key in lower case", "tracking it under pay-881", []string{"PAY-881"}},
	{"an unknown key in lower case after filing it", "filed sre-1042 for the autoscaling", []string{"SRE-1042"}},
	{"a lower-case host name is no key", "kafka-3 disk at 92%, node-2 fine", nil},
	{"an issue number after opening it", "opened #2231 for backoff", []string{"#2231"}},
	{"a number is no issue", "we had #2231 requests per second", nil},
	{"pull request url", "PR is up: https://github.com/acme/billing/pull/902.", []string{"https://github.com/acme/billing/pull/902"}},
	{"merge request url", "see https://gitlab.example.com/ops/infra/-/merge_requests/77", []string{"https://gitlab.example.com/ops/infra/-/merge_requests/77"}},
	{"a repository link is no ticket", "the code is in https://github.com/acme/billing/tree/main", nil},
	{"jira url gives its key", "https://acme.atlassian.net/browse/SRE-210", []string{"SRE-210"}},
	{"issue url", "see https://github.com/acme/api/issues/412", []string{"https://github.com/acme/api/issues/412"}},
	{"standards and severities are not tickets", "SEV-1 since CVE-2021-44228, UTF-8 and ISO-8601 and HTTP-2", nil},
	{"the incident itself is not a ticket", "same as INC-4 and INC-5", nil},
	{"known ticket first", "OPS-1 or PAY-881", []string{"PAY-881", "OPS-1"}},
}

func TestTicketRefs(t *testing.T) {
	inc := &copilot.Incident{ID: "INC-4", Tickets: []copilot.Ticket{{Key: "PAY-881", Title: "x"}}}
	for _, tt := range ticketRefTests {
		t.Run(tt.name, func(t *testing.T) {
			got := ticketRefs(tt.text, inc)
			if strings.Join(got, ",") != strings.Join(tt.want, ",") {
				t.Errorf("ticketRefs(%q) = %v, want %v", tt.text, got, tt.want)
			}
		})
	}
}

// fakeEmbedder maps known texts to fixed vectors; anything else gets a vector of its
// own direction.
type fakeEmbedder struct {
	vecs map[string][]float32
	err  error
}

func (f fakeEmbedder) EmbedDocuments(_ context.Context, texts []string) ([][]float32, error) {
	if f.err != nil {
		return nil, f.err
	}
	out := make([][]float32, len(texts))
	for i, t := range texts {
		if v, ok := f.vecs[t]; ok {
			out[i] = v
			continue
		}
		v := make([]float32, 8)
		v[(i+len(t))%8] = 1
		out[i] = v
	}
	return out, nil
}

func (f fakeEmbedder) EmbedQuery(ctx context.Context, text string) ([]float32, error) {
	v, err := f.EmbedDocuments(ctx, []string{text})
	if err != nil {
		return nil, err
	}
	return v[0], nil
}

func TestLocalFollowUpsEmbedderCapture(t *testing.T) {
	texts := append(append([]string{}, followUpIncidentPrefix...), "cara: we should page someone when replicas stop streaming")
	inc := synthetic("INC-8", texts...)
	// Shares one term ("alert" via page) with the message: too little for terms alone.
	inc.Tickets = []copilot.Ticket{{Key: "DB-5", Title: "Alert on replication lag"}}
	item := "We should page someone when replicas stop streaming."
	close := map[string][]float32{item: {1, 0, 0, 0, 0, 0, 0, 0}, "Alert on replication lag": {0.9, 0.1, 0, 0, 0, 0, 0, 0}}
	same := make([]float32, 8)
	same[0] = 1

	tests := []struct {
		name     string
		emb      copilot.Embedder
		captured bool
	}{
		{"no embedder: terms alone do not capture", nil, false},
		{"close embedding and a shared term capture", fakeEmbedder{vecs: close}, true},
		{"failing embedder falls back to terms", fakeEmbedder{err: errors.New("provider down")}, false},
		{"degenerate embedder needs a shared term", fakeEmbedder{vecs: map[string][]float32{item: same, "Alert on replication lag": same}}, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ans, err := New(tt.emb).FollowUps(context.Background(), inc)
			if err != nil {
				t.Fatal(err)
			}
			if len(ans.Items) != 1 {
				t.Fatalf("items = %+v", ans.Items)
			}
			if ans.Items[0].Captured != tt.captured {
				t.Errorf("captured = %v, want %v (%q)", ans.Items[0].Captured, tt.captured, ans.Items[0].Text)
			}
		})
	}

	// With nothing in common, even identical vectors do not capture.
	inc.Tickets = []copilot.Ticket{{Key: "FIN-1", Title: "Quarterly budget review"}}
	emb := fakeEmbedder{vecs: map[string][]float32{item: same, "Quarterly budget review": same}}
	ans, err := New(emb).FollowUps(context.Background(), inc)
	if err != nil {
		t.Fatal(err)
	}
	if len(ans.Items) != 1 || ans.Items[0].Captured {
		t.Errorf("an unrelated ticket captured the follow-up: %+v", ans.Items)
	}
}
