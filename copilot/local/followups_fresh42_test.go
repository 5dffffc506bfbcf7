package local

import (
	"strings"
	"testing"

	"github.com/incidentcopilot/incident-copilot/copilot"
	"github.com/incidentcopilot/incident-copilot/copilot/transcript"
)

// From dev42 (judged on dev43): a take whose object is a pronoun ("I'll take it",
// "we'll add it", "mine, I'll put it …") right after someone else's idea takes
// that idea, even when the idea is a question after a label ("from support: can
// agents get …?") or one numbered entry of a wrap-up list, and even when the take
// adds words of its own. The idea is the item, its owner the taker; the take is
// not a second item.
func TestFresh42PronounTakes(t *testing.T) {
	for _, tc := range []struct {
		name       string
		lines      []string
		idea, take int // indexes into lines
		owner      string
	}{
		{"labelled question", []string{
			"dee: from support: can agents see a banner in the support console when booking is down? they guessed for half an hour",
			"marc: good one, I'll take it to the support-tools squad",
		}, 0, 1, "marc"},
		{"we take it", []string{
			"sam: I'll add an alert on evicted keys for every redis that holds locks",
			"kofi: and an alert on more than one capture per invoice per day?",
			"nadia: yes, we'll add it to the billing dashboards + alerts. no ticket yet",
		}, 1, 2, "nadia"},
		{"numbered entry", []string{
			"dmitri: 1) disk alerts for the history db go to the pager, not a mailing list. fixing it today",
			"eirik: 2) alert on replication slots. inactive > 1h or retained wal > 20G",
			"dmitri: mine, i'll put it next to the disk alert",
		}, 1, 2, "dmitri"},
	} {
		inc, got := followUpsOf(t, tc.lines...)
		base := len(firefight)
		idea, ok := got[inc.Messages[base+tc.idea].TS]
		if !ok {
			t.Errorf("%s: the idea is no item (items %v)", tc.name, got)
			continue
		}
		if idea.Owner != tc.owner {
			t.Errorf("%s: owner %q, want %q", tc.name, idea.Owner, tc.owner)
		}
		if _, dup := got[inc.Messages[base+tc.take].TS]; dup {
			t.Errorf("%s: the take is a second item", tc.name)
		}
	}
}

// A refusal that says "I'd say no" turns the idea before it down and is no item
// itself, in dev42's words and in others; a message that asks its own question,
// answers it with "I'd say no" and asks someone for the work is still an idea.
func TestFresh42SayNoRefuses(t *testing.T) {
	inc, got := followUpsOf(t,
		"dee: could support get an automatic list of the customers charged twice, for cases like this?",
		"kofi: I'd say no, it's a one-off, the export is enough. let's not build tooling for it",
	)
	base := len(firefight)
	for k := 0; k < 2; k++ {
		if _, ok := got[inc.Messages[base+k].TS]; ok {
			t.Errorf("message %d is an item; the idea was turned down", k)
		}
	}
	inc, got = followUpsOf(t,
		"ivo: the password policy for service accounts: should they expire at all? I'd say no, rotate them from vault. Sasha, can you write the proposal?",
	)
	if _, ok := got[inc.Messages[base].TS]; !ok {
		t.Errorf("an idea that answers its own question was dropped (items %v)", got)
	}
}

// A call for follow-ups at the wrap-up asks for ideas and proposes none: "what do
// we need so this doesn't bite again", "how do we find out about this before a
// customer does next time". One that goes on to name lasting work is still one.
func TestFresh42CallForIdeasIsNoItem(t *testing.T) {
	for _, s := range []string{
		"before everyone goes back to bed: what do we need so this doesn't bite again",
		"thanks all. before we scatter: how do we find out about this before a customer does next time",
		"how can we notice this earlier next time?",
	} {
		inc, got := followUpsOf(t, "ivo: "+s)
		if _, ok := got[inc.Messages[len(firefight)].TS]; ok {
			t.Errorf("%q is an item", s)
		}
	}
	inc, got := followUpsOf(t, "ivo: how do we find out earlier next time? I'll add an alert on the indexer's rejected bulk items")
	if _, ok := got[inc.Messages[len(firefight)].TS]; !ok {
		t.Error("a call for ideas with a promise beside it was dropped")
	}
}

// An entry's number in the list it was said in ("3) i'll add …") is no part of
// the item's text, which becomes a ticket's title.
func TestItemTextDropsListNumber(t *testing.T) {
	inc, got := followUpsOf(t, "ivo: 3) i'll add an alert on certificate expiry, 14 days ahead, by friday")
	it, ok := got[inc.Messages[len(firefight)].TS]
	if !ok {
		t.Fatalf("no item (items %v)", got)
	}
	if strings.HasPrefix(it.Text, "3") || !strings.Contains(it.Text, "alert on certificate expiry") {
		t.Errorf("item text %q", it.Text)
	}
}

// Before the incident is resolved, a reply that opens by turning the proposal
// before it down ("I'd rather not. That lets any genuinely broken clock through for
// the next twenty years … The gateway already has a fallback for this: …") argues
// about the fix at hand and is no item: dev42's GPS week rollover chat. The
// follow-ups of its wrap-up stay.
func TestRefusalDuringTheFireIsNoItem(t *testing.T) {
	inc := devDocument(t, "dev42/documents/yk-avl-gnss-week-rollover.json")
	got := followUpsBySource(t, inc)
	if it, ok := got["1778992984.095024"]; ok {
		t.Errorf("the refusal during the fire is an item: %q", it.Text)
	}
	if _, ok := got["1778994390.177564"]; !ok {
		t.Errorf("the wrap-up's promise to chase the vendor is no item (%d items)", len(got))
	}
}

// devDocument reads one JSON incident document of an extra dev set
// (evals/testdata/<path>), as the dev-set tests quote whole chats.
func devDocument(t *testing.T, path string) *copilot.Incident {
	t.Helper()
	incs, err := transcript.Read([]string{"../../evals/testdata/" + path}, transcript.Options{})
	if err != nil || len(incs) != 1 {
		t.Fatalf("read %s: %v (%d incidents)", path, err, len(incs))
	}
	return incs[0]
}
