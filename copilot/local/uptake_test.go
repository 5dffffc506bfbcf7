package local

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/incidentcopilot/incident-copilot/copilot"
)

// chat builds an incident from "user: text" lines, a minute apart from Tuesday
// 2026-03-03 10:00 UTC. A line "^N user: text" is a reply in the thread of line N.
func chat(lines ...string) *copilot.Incident {
	start := time.Date(2026, 3, 3, 10, 0, 0, 0, time.UTC)
	inc := &copilot.Incident{ID: "INC-T", Title: "test", Visibility: copilot.VisibilityPublic}
	for i, l := range lines {
		thread := -1
		if l[0] == '^' {
			var n int
			var rest string
			fmt.Sscanf(l, "^%d", &n)
			for j := range l {
				if l[j] == ' ' {
					rest = l[j+1:]
					break
				}
			}
			thread, l = n, rest
		}
		var user, text string
		for j := range l {
			if l[j] == ':' {
				user, text = l[:j], l[j+2:]
				break
			}
		}
		m := copilot.Message{TS: copilot.FormatTS(start.Add(time.Duration(i) * time.Minute)), User: "U" + user, UserName: user, Text: text}
		if thread >= 0 {
			m.ThreadTS = inc.Messages[thread].TS
		}
		inc.Messages = append(inc.Messages, m)
	}
	return inc
}

// firefight is the start every conversation below shares: an outage, its fix, its end.
var firefight = []string{
	"ana: checkout 500s since 09:55",
	"ben: the pool is exhausted, rolling back the deploy",
	"ben: rolled back, errors gone",
	"ana: resolved",
}

func followUpsOf(t *testing.T, lines ...string) (*copilot.Incident, map[string]copilot.FollowUp) {
	t.Helper()
	inc := chat(append(append([]string{}, firefight...), lines...)...)
	return inc, followUpsBySource(t, inc)
}

// followUpsBySource runs the engine's follow-ups on inc, keyed by source message.
func followUpsBySource(t *testing.T, inc *copilot.Incident) map[string]copilot.FollowUp {
	t.Helper()
	ans, err := New(nil).FollowUps(context.Background(), inc)
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]copilot.FollowUp{}
	for _, it := range ans.Items {
		got[it.SourceTS] = it
	}
	return got
}

// ts is the ts of line i after the shared firefight.
func ts(inc *copilot.Incident, i int) string { return inc.Messages[len(firefight)+i].TS }

// wantFollowUpLines checks, line by line after the shared firefight, which
// lines are the source of a follow-up.
func wantFollowUpLines(t *testing.T, inc *copilot.Incident, got map[string]copilot.FollowUp, want ...bool) {
	t.Helper()
	for i, w := range want {
		if _, ok := got[ts(inc, i)]; ok != w {
			t.Errorf("line %d (%s): follow-up %v, want %v", i, inc.Messages[len(firefight)+i].Text, ok, w)
		}
	}
}

func TestUptakeOwnerFromConversation(t *testing.T) {
	for _, tt := range []struct {
		name  string
		lines []string
		item  int    // the line holding the follow-up
		owner string // its owner
		due   string
		n     int // follow-ups in all
	}{
		{"asked by name and accepted", []string{
			"carla: so. the pool change went out three weeks ago",
			"carla: Dan, you take a pool saturation alert? warn at 80%",
			"dan: ja ok. I make it until friday",
		}, 1, "dan", "2026-03-06", 1},
		{"asked, declined, someone else volunteers", []string{
			"carla: @dan can you set up a pool saturation alert?",
			"dan: not this week sorry, on leave",
			"erin: I can take the alert one",
		}, 0, "erin", "", 1},
		{"asked, then the person asked adds a promise whose purpose says \"can't do that again\"", []string{
			"carla: @dan please own an alert on pool connections above 80% of max_connections.",
			"dan: also after this I'll set a per-role connection limit for the worker so one worker can't do that again",
		}, 0, "dan", "", 2},
		{"assigned in the third person", []string{
			"carla: the pool size must come from one config value, not three. this is on dan",
			"dan: fine",
		}, 0, "dan", "", 1},
		{"asked about it by a definite reference, then accepted", []string{
			"carla: a cost anomaly alert per bucket would have told us in days",
			"dan: @erin can you look into the anomaly alert? lmk if you need access",
			"erin: sure thing",
		}, 0, "erin", "", 1},
		{"a request for another change to the thing just named is an idea of its own", anotherChange, 1, "dan", "", 2},
		{"the first idea keeps its own owner", anotherChange, 0, "carla", "2026-03-06", 2},
		{"the person asked, having taken it, adds an idea of their own", []string{
			"carla: @dan can you add a pool saturation alert per database?",
			"^4 dan: sure, tomorrow",
			"dan: also a cleanup script for the old pool dumps, I'll do that too",
		}, 2, "dan", "", 2},
		{"a short idea of one's own after one's own item", []string{
			"carla: I'll also bump the pool timeout in the chart, it's a one line change",
			"dan: is the surge setting also too aggressive? 40 pods at once is a lot",
			"carla: maxsurge 100% yeah. we should go to 25% for this one, I can do that together with the timeout",
		}, 2, "carla", "", 2},
		{"taken with the subject left out", []string{
			"carla: pool size in terraform only, console edits denied. thats platform, @dan?",
			"^4 dan: on my list for next sprint anyway, will add it there",
		}, 0, "dan", "", 1},
		{"a request in chat shorthand", []string{
			"carla: dan can u add pool wait time to the db dashboard",
			"^4 dan: 👍 will do",
		}, 0, "dan", "", 1},
		{"a proposing question, agreed, then taken by someone else", []string{
			"carla: should we also alert on failed config reloads?",
			"dan: yes pls",
			"erin: gonna do that one, tomorrow",
		}, 0, "erin", "2026-03-04", 1},
		{"a list entry with a dash owner", []string{
			"carla: todos:\n1. idempotent writes (upsert on entry id) — @dan",
			"dan: ok",
		}, 0, "dan", "", 1},
		{"taken in a thread, the acceptance merged", []string{
			"carla: we need a pool saturation alert per database",
			"^4 dan: mine. thursday",
		}, 0, "dan", "2026-03-05", 1},
	} {
		t.Run(tt.name, func(t *testing.T) {
			inc, got := followUpsOf(t, tt.lines...)
			it, ok := got[ts(inc, tt.item)]
			if !ok {
				t.Fatalf("no follow-up at line %d; got %v", tt.item, got)
			}
			if it.Owner != tt.owner || it.Due != tt.due {
				t.Errorf("owner %q due %q, want %q %q", it.Owner, it.Due, tt.owner, tt.due)
			}
			if len(got) != tt.n {
				t.Errorf("%d follow-ups, want %d: %v", len(got), tt.n, got)
			}
		})
	}
}

// anotherChange asks for a change to the thing the idea before it names.
var anotherChange = []string{
	"carla: I'll add an alert when a db cert is under 14 days to expiry, by fri",
	"carla: @dan can you move the db certs to vault auto-renew like the app certs?",
	"^5 dan: on it",
}

func TestUptakeNotFollowUps(t *testing.T) {
	for _, tt := range []struct {
		name  string
		lines []string
	}{
		{"an idea turned down", []string{
			"carla: we could shard the orders table by region",
			"dan: no, volume is tiny, not worth it",
		}},
		{"an idea its author drops", []string{
			"carla: we could also move everything to a new cluster with terraform but no, too much for this",
		}},
		{"a past action", []string{
			"dan: I restarted the consumer twice before we found it, didn't help",
		}},
		{"a regret", []string{
			"dan: I think we should have seen this in staging",
		}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			_, got := followUpsOf(t, tt.lines...)
			if len(got) != 0 {
				t.Errorf("want no follow-ups, got %v", got)
			}
		})
	}
}

func TestProposalForm(t *testing.T) {
	for s, want := range map[string]bool{
		"backup job must exit non-zero when it skips anything": true,
		"retries need exp backoff + max 24h then dead letter":  true,
		"pool saturation alert too? we saw it only via 5xx":    true,
		"i need to think if it is worth it":                    false,
		"did the alert fire?":                                  false,
		"we should have seen this in staging":                  false,
		"we should have alarms on every node":                  true,
	} {
		if got := proposalForm(s, true); got != want {
			t.Errorf("proposalForm(%q) = %v, want %v", s, got, want)
		}
	}
	for s, want := range map[string]bool{
		"i add step today":                        true,
		"we are changing audit log to partitions": true,
		"could we add a check?":                   false,
		"when we add a node it rebalances":        false,
		"we do announce these":                    false,
	} {
		if got := presentCommits(s); got != want {
			t.Errorf("presentCommits(%q) = %v, want %v", s, got, want)
		}
	}
}
