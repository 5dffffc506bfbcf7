package local

import (
	"strings"
	"testing"
	"time"
)

// A weekday standing alone at the end of a promise is its due day; in a sentence
// that commits to nothing it is no deadline.
func TestTrailingWeekdayIsTheDueDay(t *testing.T) {
	said := time.Date(2025, 3, 20, 18, 30, 0, 0, time.UTC) // a Thursday
	for _, tt := range []struct {
		text    string
		commits bool
		want    string
	}{
		{"I'll add a plan-diff check on our ALBs, friday.", true, "2025-03-21"},
		{"will add a config test, assert the limit_req key is per client. mon", true, "2025-03-24"},
		{"1/ disk alert at 75% not 90 (me, thu).", true, "2025-03-27"},
		{"friday was quiet, I will add the alert", true, ""},
		{"see you friday.", false, ""},
	} {
		if _, got := findDue(tt.text, said, tt.commits); got != tt.want {
			t.Errorf("findDue(%q) = %q, want %q", tt.text, got, tt.want)
		}
	}
}

// Owners said in other shapes: "TODO(me)" is the speaker, a promise whose subject
// is dropped ("will add …", "gonna add …") is the speaker's, a name after a dash
// closing a report's entry owns it even with a particle ("— Ilse de Vries, by
// …"), and so does a name that "owns this" in the sentence after.
func TestOwnersOfTodoMeDroppedSubjectsDashesAndOwnsThis(t *testing.T) {
	inc, got := followUpsOf(t,
		"jess: TODO(me): ttl on rv:* keys (7d) + a unit test that fails if any cache write goes out without a ttl",
		"dmitri: followups: will add a config test that renders the nginx template and asserts the limit_req key is per client. mon",
		"haruto: gonna add client backoff with jitter on 429 in the next app build",
	)
	for i, owner := range []string{"jess", "dmitri", "haruto"} {
		it, ok := got[ts(inc, i)]
		if !ok {
			t.Fatalf("line %d: no follow-up", i)
		}
		if it.Owner != owner {
			t.Errorf("line %d: owner %q, want %q", i, it.Owner, owner)
		}
	}
	src := reportHead + "## Next steps\n\n" +
		"1. Alert when a consumer group's oldest unread offset is within 30 minutes of retention — Ilse de Vries, by 2025-06-20.\n\n" +
		"2. Alert on any booking whose total is below the supplier's net cost. Hanna Berg owns this and aims to finish it by the end of June.\n"
	owners := map[string]string{}
	for _, it := range reportAnswer(t, src).Items {
		owners[it.Text] = it.Owner
	}
	for frag, want := range map[string]string{"oldest unread offset": "Ilse de Vries", "supplier's net cost": "Hanna Berg"} {
		found := false
		for text, owner := range owners {
			if strings.Contains(text, frag) {
				found = true
				if owner != want {
					t.Errorf("%q: owner %q, want %q", text, owner, want)
				}
			}
		}
		if !found {
			t.Errorf("no item %q in %v", frag, owners)
		}
	}
}

// "Will update the status page in 20 min" is the incident's communication.
func TestUpdatingTheStatusPageIsPaperwork(t *testing.T) {
	if !paperwork("will update the status page in 20 min with the final note.") {
		t.Error("a status page update read as an improvement")
	}
}

// A mention in the closing parentheses or after an entry label's dash owns the
// entry; "we should never have had", "should have load test …, my mistake",
// recording the action items, watching over the coming days and posting the
// all-clear on the status page are no follow-ups.
func TestMentionOwnersAndMoreLookalikes(t *testing.T) {
	for item, want := range map[string]string{
		"Lower the TTL of internal service CNAMEs to 60 seconds (@dlee).":                             "dlee",
		"Action item 2 — @amara: alert when any worker has more than 3 OOMKilled restarts in 10 min.": "amara",
	} {
		if got := entryOwner(item); got != want {
			t.Errorf("entryOwner(%q) = %q, want %q", item, got, want)
		}
	}
	runLookalikes(t, []lookalikeCase{
		{"never have had", []string{"dan: We should never have had a long-lived key on ci-deployer in the first place."}, nil},
		{"my mistake", []string{"dan: We should have load test the enrichment before turn on in prod, my mistake."}, nil},
		{"recording", []string{"dan: We will now record action items."}, nil},
		{"watching", []string{"dan: We will keep watching the site closely over the coming days."}, nil},
		{"all-clear", []string{"dan: I'll post the all-clear on the status page and email acme payroll directly."}, nil},
	})
}
