package local

import (
	"strings"
	"testing"

	"github.com/incidentcopilot/incident-copilot/copilot"
)

// A recovery that did not hold ("backlog climbing again 15 min after the
// restart", "workers failing again") forgets the step before it: the mitigation
// is the step that held, here the flag turned off with its restart.
func TestRelapseAfterRecoveryForgetsTheStep(t *testing.T) {
	for _, s := range []string{"queue depth climbing again, 40k and it's 10 min after the bounce", "09:20 | Workers start failing again; Ana restarts 5 of 6"} {
		if !relapseRE.MatchString(lowerClean(s)) {
			t.Errorf("relapseRE misses %q", s)
		}
	}
	if relapseRE.MatchString("set the retention to 7 days so it does not grow again") {
		t.Error("relapseRE reads a guard against growth as a relapse")
	}
	inc := chatOf(
		said{who: "alertbot", text: "[FIRING] export-worker queue depth > 50k", bot: true},
		said{who: "lena", text: "workers OOMKilled over and over, doing a rollout restart to get us moving"},
		said{who: "lena", text: "restart done, queue depth back to 2k"},
		said{who: "omar", text: "queue depth climbing again, 40k and it's 10 min after the restart"},
		said{who: "omar", text: "it's the new thumbnail cache, keyed by request id so nothing is ever evicted"},
		said{who: "lena", text: "export.thumbCache.enabled=false in prod ✅ rolling restart started"},
		said{who: "lena", text: "restarts done with the cache off. memory flat at 35% for 15 min, queue depth under 1k"},
		said{who: "omar", text: "calling it resolved"},
	)
	acts := mitigationActsOf(inc)
	if len(acts) == 0 || acts[0] != 5 {
		t.Errorf("mitigation acts %v, want the cache turned off (5), not the restart that relapsed (1)", acts)
	}
}

// "X is back, 84 results" and "central confirms the searches are ok" tell the
// recovery; the trouble that "is back" returned, and a finding that something
// "was complete" is no step finished.
func TestBackAndConfirmedOK(t *testing.T) {
	for _, c := range []struct {
		text string
		want bool
	}{
		{"the harbour timetable is back, 212 sailings listed", true},
		{"north depot confirms bookings and refunds are ok", true},
		{"errors are back.", false},
		{"it is back, same 502s", false},
	} {
		if got := tellsRecovery(lowerClean(c.text)); got != c.want {
			t.Errorf("tellsRecovery(%q) = %v, want %v", c.text, got, c.want)
		}
	}
	inc := chatOf(
		said{who: "alertbot", text: "[FIRING] timetable search returning 0 results", bot: true},
		said{who: "vera", text: "vendor says last night's feed pull ran 02:00-02:40 with all 9 files"},
		said{who: "jonas", text: "ok so the feed was complete. hm"},
		said{who: "vera", text: "meanwhile restarting search-api, maybe it holds a stale query cache"},
		said{who: "jonas", text: "still 0 results after the restart"},
		said{who: "vera", text: "alias points at timetable-0311 which has 40k docs, yesterday's has 310k"},
		said{who: "jonas", text: "proposal: point the alias back at timetable-0310"},
		said{who: "vera", text: "+1"},
		said{who: "jonas", text: "POST _aliases: remove timetable-0311, add timetable-0310. done 07:12"},
		said{who: "vera", text: "the harbour timetable is back, 212 sailings listed"},
		said{who: "jonas", text: "rebuilt the index by hand: 310,402 docs, mapping ok"},
		said{who: "vera", text: "resolved"},
	)
	sum := summarize(t, inc)
	if !strings.Contains(sum.Mitigation, "_aliases") {
		t.Errorf("mitigation %q, want the alias moved back (POST _aliases … done 07:12)", sum.Mitigation)
	}
}

// A finding that something "was complete" is no step finished, even where
// nothing in the channel tells which step brought the recovery.
func TestWholeStateIsNoStep(t *testing.T) {
	inc := chatOf(
		said{who: "alertbot", text: "[FIRING] timetable search returning 0 results", bot: true},
		said{who: "vera", text: "vendor says last night's feed pull ran 02:00-02:40 with all 9 files"},
		said{who: "jonas", text: "ok so the feed was complete. hm"},
		said{who: "vera", text: "alias points at timetable-0311 which has 40k docs, yesterday's has 310k"},
		said{who: "jonas", text: "POST _aliases: remove timetable-0311, add timetable-0310. done 07:12"},
		said{who: "vera", text: "resolved"},
	)
	if sum := summarize(t, inc); strings.Contains(sum.Mitigation, "feed was complete") {
		t.Errorf("mitigation %q: a finding read as a step done", sum.Mitigation)
	}
}

// A step that "made things worse" did not help, whatever the same paragraph found
// healthy ("the storage was checked first. It was healthy. Restarting the
// workers made things worse").
func TestMadeWorseIsNoHelp(t *testing.T) {
	low := lowerClean("The first guess was the object store, the last thing that changed. It was healthy. Restarting the ingest pods at 10:21 made things worse: all six came up at once and were killed together.")
	tags := textTags(copilot.Message{Text: low})
	if !reportsNoHelp(tags) {
		t.Errorf("reportsNoHelp = false for a step that made things worse (verify %v)", tags.verify)
	}
}

// "pods were healthy … a restart won't change anything" says the restart just
// made did not help: the mitigation is the step taken after the cause was found,
// not the restart before it.
func TestWontChangeAnythingIsNoHelp(t *testing.T) {
	inc := chatOf(
		said{who: "alertbot", text: "[FIRING] exam-delivery: auth_callback rate 9x baseline", bot: true},
		said{who: "tomek", text: "maybe the exam-delivery pods then, restarting them"},
		said{who: "deploybot", text: "exam-delivery: rollout restart by tomek (prod-eu1), 12 pods", bot: true},
		said{who: "ngozi", text: "exam-delivery pods were healthy, no restarts, latency normal. a restart won't change anything, sessions live in redis"},
		said{who: "ngozi", text: "session-redis at maxmemory, evicted_keys climbing since 09:38. the autosave drafts have no TTL"},
		said{who: "ngozi", text: "CONFIG SET maxmemory 12gb done on primary and replica"},
		said{who: "bea", text: "hall b: no new logouts in the last 4 min"},
		said{who: "ngozi", text: "calling it mitigated"},
	)
	acts := mitigationActsOf(inc)
	if len(acts) == 0 || acts[0] != 5 {
		t.Errorf("mitigation acts %v, want the maxmemory change (5), not the restart (2)", acts)
	}
}
