package local

import (
	"context"
	"strings"
	"testing"

	"github.com/incidentcopilot/incident-copilot/copilot"
)

// A terse report tells a step by its form whatever the verb: the thing, its
// participle and the clock; a lone participle; a switch with the time it took
// effect; a setting given a new value; a step announced for now. The same forms
// around a state, a measure, a rename, an offer or a look are no step.
func TestStepForms(t *testing.T) {
	for _, tt := range []struct {
		text string
		want bool
	}{
		{"cron entry deactivated at 04:10, no new runs", true},
		{"Replica 2 detached 11:05. lag gone", true},
		{"reloaded. queue wait 40s -> 2s", true},
		{"Requeued, 800 jobs back in line", true},
		{"dedupe off since 14:31", true},
		{"read-only mode live from 02:44", true},
		{"gateway heap 1g -> 3g, restarting the pods", true},
		{"SYNC_BATCH_SIZE 500 -> 50 on the importer", true},
		{"quarantining the bad partition now", true},
		{"mitigated 09:12, watching", false},                             // the state of the incident
		{"resolved at 13:22. writing follow-ups here", false},            // the end declared
		{"nightly export executed 01:15 and again 00:15", false},         // the system's doing
		{"token exposed 08:35-09:25 on the public repo", false},          // how long a state lasted
		{"checkout errors doubled 10:02", false},                         // a measure moving by itself
		{"pods restarted again 10:14", false},                            // the symptom
		{"error ratio 0.58 -> 0.91", false},                              // a measure, no setting
		{"the reindex renamed course_code -> code", false},               // a rename
		{"alert on sessions vs pg_stat_activity -> mine, by fri", false}, // an owner
		{"the diff shows limits.memory 3Gi -> 1Gi since tuesday", false}, // a thing read
		{"Quickest knob: MAX_POLL 500 -> 50 would do it", false},         // an offer
		{"looking at the importer logs now", false},
		{"waiting on the vendor now", false},
		{"confirmed. it is the cert", false},
		{"4.8.1 deployed 13:17, it drops the legacy header", false}, // the release looked at
	} {
		low := lowerClean(tt.text)
		if got := formStep(low, tt.text); got != tt.want {
			t.Errorf("formStep(%q) = %v, want %v", tt.text, got, tt.want)
		}
	}
}

// A terse report of a step just announced tells it done: the mitigation quotes
// the announcement, which names what changed. A terse report of a step of its own
// is the mitigation itself.
func TestTerseReportOfAnnouncedStep(t *testing.T) {
	for _, tt := range []struct {
		texts []string
		want  string
	}{
		{[]string{"[FIRING] importer queue depth 9,000", "sessions held open across the partner call, pool full",
			"I am turning off the hold_session toggle so the importer commits before the call",
			"Toggle off at 09:22. Sessions 60, queue falling", "resolved"},
			"turning off the hold_session toggle"},
		{[]string{"[FIRING] checkout p99 > 8s", "the psp client retries 3x with a 10s timeout, threads all busy",
			"setting PSP_MAX_RETRIES=0 and timeout 4s via config, rolling restart",
			"rolled. busy threads 200 -> 60, latency normal again", "resolved"},
			"PSP_MAX_RETRIES=0"},
		{[]string{"[FIRING] thumbnailer OOMKilled 40 times", "big pdfs need 1.5Gi each with 4 in flight",
			"thumbnailer memory limit 512Mi -> 2Gi, WORKER_CONCURRENCY 4 -> 1, rolling out",
			"pods stable for 5 min, no OOMKilled, queue draining", "resolved"},
			"512Mi -> 2Gi"},
	} {
		ans, err := New(nil).Summarize(context.Background(), incidentOf(tt.texts...))
		if err != nil {
			t.Fatal(err)
		}
		if m := ans.Summary.Mitigation; !strings.Contains(m, tt.want) {
			t.Errorf("mitigation %q, want it to quote %q", m, tt.want)
		}
	}
}

// An answer that takes a step on ("doing.", "NO.") opens the message and the step
// follows; an acknowledgement of an alert ("ack.") is followed by what the speaker
// sees. A setting given a value in the passive is a step however long its name.
func TestStepAfterAnAnswer(t *testing.T) {
	for _, tt := range []struct {
		text string
		want bool
	}{
		{"doing. setting hsm-03 weight 0 in the pool config and draining its sessions", true},
		{"NO. 2,000 messages in there, nobody resends them in time. I move only the one bad msg to the hold queue", true},
		{"ack. deferred q 5.4k and climbing", false},
		{"ok. queue depth still 700", false},
	} {
		if got := shapedAction(tagMessage(0, incidentOf(tt.text).Messages[0])); got != tt.want {
			t.Errorf("shapedAction(%q) = %v, want %v", tt.text, got, tt.want)
		}
	}
	for _, tt := range []struct {
		low  string
		want bool
	}{
		{"global traffic manager weights for tokenisation set to site a 100 / site b 0", true},
		{"the canary pool repointed to the old build", true},
		{"the weights were set to 50/50 last year", false}, // an auxiliary: a state
	} {
		if got := passiveStep(tt.low); got != tt.want {
			t.Errorf("passiveStep(%q) = %v, want %v", tt.low, got, tt.want)
		}
	}
}

// A recovery that does not hold ("Failures return, at the same rate as before the
// restart") leaves its step a failed attempt: the mitigation is the step after
// which things stayed well.
func TestMitigationIsTheStepWhoseRecoveryHeld(t *testing.T) {
	texts := []string{"[FIRING] portal payments failing after 30 s",
		"on-call restarts both portal application servers. payments succeed again",
		"failures return, at the same rate as before the restart",
		"the firewall drops pooled connections idle for 300 s",
		"setting the payment client's max idle time for pooled connections to 60 s and restarting both servers one at a time",
		"no failed payments for 15 minutes, synthetic check green", "resolved"}
	ans, err := New(nil).Summarize(context.Background(), incidentOf(texts...))
	if err != nil {
		t.Fatal(err)
	}
	if m := ans.Summary.Mitigation; !strings.Contains(strings.ToLower(m), "max idle time") {
		t.Errorf("mitigation %q, want the idle-time change", m)
	}
	// "no timeouts, no HSM errors" in a finding reads like a check; the step's
	// own report that it did not help undoes it.
	texts = []string{"[FIRING] PIN declines 11%",
		"verify svc logs full of 'PIN verify failed', no timeouts, no HSM errors. restarting the verify pods in case a cached key handle is bad",
		"restart done, all 6 pods fresh. declines still 11.4%. did not help",
		"key check values differ on hsm-03, it has the old key. take hsm-03 out of the pool please",
		"doing. setting hsm-03 weight 0 in the pool config and draining its sessions",
		"hsm-03 drained, declines back to 1.3%", "resolved"}
	ans, err = New(nil).Summarize(context.Background(), incidentOf(texts...))
	if err != nil {
		t.Fatal(err)
	}
	if m := ans.Summary.Mitigation; !strings.Contains(m, "weight 0") {
		t.Errorf("mitigation %q, want the weight set to 0", m)
	}
}

// A measure falling from one value to another is a recovery seen, whatever words
// follow the second number ("from 22 to 4 within three minutes").
func TestFallingMeasureWithWordsAfter(t *testing.T) {
	for _, tt := range []struct {
		text string
		want bool
	}{
		{"06:05 | vehicles start re-attaching; tcs offline count falls from 22 to 4 within three minutes.", true},
		{"queue depth from 2,310 to 1,890 since the move", true},
		{"p99 from 200ms to 2s after the deploy", false}, // a rise
		{"from 40% to 35 percent", false},                // units that differ
	} {
		if got := recovered(textTags(copilot.Message{Text: tt.text})); got != tt.want {
			t.Errorf("recovered(%q) = %v, want %v", tt.text, got, tt.want)
		}
	}
}

// A past incident lends the step that stopped its bleeding even when no action
// class reads it, and not the restart its own report says did not help.
func TestRunbookLendsTheMitigationNotTheFailedTry(t *testing.T) {
	inc := synthetic("INC-H",
		"bot> [FIRING] PIN declines 11%",
		"ana: verify svc logs full of 'PIN verify failed'. restarting the verify pods in case a cached key handle is bad",
		"ana: restart done, all 6 pods fresh. declines still 11.4%. did not help",
		"bo: key check values differ on hsm-03, it has the old key. take hsm-03 out of the pool please",
		"ana: doing. setting hsm-03 weight 0 in the pool config and draining its sessions",
		"bo: hsm-03 drained, declines back to 1.3%",
		"ana: resolved")
	inc.Status = "resolved"
	steps, _ := incidentSteps(inc, 0)
	var texts []string
	for _, d := range steps {
		if d.helped {
			texts = append(texts, d.text)
		}
	}
	joined := strings.Join(texts, " | ")
	if !strings.Contains(joined, "weight 0") {
		t.Errorf("steps %q, want the weight set to 0", texts)
	}
	if strings.Contains(strings.ToLower(joined), "restart") {
		t.Errorf("steps %q hold the restart that did not help", texts)
	}
}

// A report's parts headed in other styles' words are read as the parts they name.
func TestSectionSynonyms(t *testing.T) {
	for _, tt := range []struct {
		section, name string
		want          bool
	}{
		{"chronology", "timeline", true},
		{"sequence of events (cet)", "timeline", true},
		{"cause analysis", "root cause", true},
		{"consequences", "impact", true},
		{"measures taken during the incident", "actions taken", true},
		{"improvement actions", "action", true},
		{"lessons learned", "timeline", false},
		{"summary", "impact", false},
	} {
		if got := sectionIs(tt.section, tt.name); got != tt.want {
			t.Errorf("sectionIs(%q, %q) = %v, want %v", tt.section, tt.name, got, tt.want)
		}
	}
	if isNarrativeSection("improvement actions") {
		t.Error("improvement actions read as the story of the incident")
	}
}

// A step whose own message tells the symptom outliving it, after its check, was an
// attempt that failed; a count of what was hit is no symptom coming back.
func TestStillFailingAfterTheStepsCheck(t *testing.T) {
	for _, tt := range []struct {
		text string
		want bool
	}{
		{"restarted 3/3 workers, all healthy. re-triggered 12, 14, 19 — still 0 routes", true},
		{"purge done. better for maybe one minute, now 404s coming back.", true},
		{"restarted the exporter, metrics flowing again", false},
	} {
		if got := failedAttempt(textTags(copilot.Message{Text: tt.text})); got != tt.want {
			t.Errorf("failedAttempt(%q) = %v, want %v", tt.text, got, tt.want)
		}
	}
	if relapseRE.MatchString("about 410,000 searches returned no results") {
		t.Error("a count read as a status code coming back")
	}
}
