package local

import (
	"testing"

	"github.com/incidentcopilot/incident-copilot/copilot"
)

// Ideas turned down in the wrap-up are no follow-ups, however the refusal is put;
// what is said after a refusal is judged on its own.
func TestTurnedDownIdeas(t *testing.T) {
	t.Run("agreeing right after a refusal agrees with the refusal", func(t *testing.T) {
		inc, got := followUpsOf(t,
			"jbrandt: could we run a header validator on outside CDs at the import desk and refuse the broken ones?",
			"priya: I'd rather not. desk staff can't fix headers and we'd keep the patient's outside images out of our own archive",
			"gunnar: agreed. I'll send you our standard outbound coercion ruleset by friday, you can test it on the staging router first",
		)
		if it, ok := got[ts(inc, 0)]; ok {
			t.Errorf("the refused question is an item: %+v", it)
		}
		if it, ok := got[ts(inc, 2)]; !ok || it.Owner != "gunnar" {
			t.Errorf("gunnar's own promise: %+v (found %v), want an item owned by gunnar", it, ok)
		}
	})
	for _, tt := range []struct {
		name, what string
		lines      []string
	}{
		{"not now at the start of a reply", "the idea put off", []string{
			"emre: maybe we also run an IAM access analyzer in the pipeline for all buckets?",
			"ingrid: - not now, OPS-512 covers what bit us\n- the analyzer was too noisy when we tried it in 2025",
		}},
		{"not for now at the end of a reply", "the idea put off", []string{
			"kev: could the geocoder just auto failover to the mirror when the primary TLS fails?",
			"marcos: tempting but mirror data is up to 1 day old, duplicate detection would get weird. not for now",
		}},
		{"forget the X calls off the speaker's own X first", "emre's move, called off by emre,", []string{
			"emre: and I will move the dock-config bucket out of the shared hardening module, so the next hardening PR can't touch it",
			"piotr: re the module move: the module already has a per-bucket policy override, no need to move the bucket @emre",
			"emre: ok right, forget the move then",
		}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			inc, got := followUpsOf(t, tt.lines...)
			if it, ok := got[ts(inc, 0)]; ok {
				t.Errorf("%s is an item: %+v", tt.what, it)
			}
		})
	}
}

// A promise to look, without a date, is triage however late it comes; a look
// with a date stays. A measure kept "through the
// weekend" is a stopgap.
func TestLooksAndStopgapsAreNoFollowUps(t *testing.T) {
	inc, got := followUpsOf(t,
		"erik: Worth answering now: which other consumers read secret/crew/ftl-vendor? I'll check the Vault audit log so we don't have a second one waiting to break.",
		"amelie: i'll keep the lag FAQ pinned on discord through the weekend",
	)
	for _, i := range []int{0, 1} {
		if it, ok := got[ts(inc, i)]; ok {
			t.Errorf("line %d is an item: %+v", i, it)
		}
	}
	if !lookOnly("i'll check the audit log", "I'll check the audit log", msgTags{}) {
		t.Error("a look without a date is kept")
	}
	if lookOnly("i'll check the tenant config and change the banner text before friday", "I'll check the tenant config and change the banner text before friday", msgTags{msg: copilot.Message{TS: "1772532240.000000"}}) {
		t.Error("a look with a date is dropped")
	}
}

// "kindly ignore my nightly script idea" calls off the speaker's idea that names
// those words, not their latest, and asks nothing itself.
func TestIgnoreMyNamedIdea(t *testing.T) {
	inc, got := followUpsOf(t,
		"pranav: I will write a small nightly script which compares IE time with the EHR server time and mails the integration team",
		"pranav: and I will fix the channel config so OBX-14 carries the analyser observation time, this week",
		"helen: No, please leave the tolerance at 120s.",
		"pranav: Agreed with Helen. Also kindly ignore my nightly script idea, with Kofi's chrony alert the same is not required. Dropping it.",
	)
	if it, ok := got[ts(inc, 0)]; ok {
		t.Errorf("the nightly script, called off, is an item: %+v", it)
	}
	if _, ok := got[ts(inc, 1)]; !ok {
		t.Errorf("the channel config fix was called off instead: %+v", got)
	}
	if it, ok := got[ts(inc, 3)]; ok {
		t.Errorf("the call-off is an item: %+v", it)
	}
}
