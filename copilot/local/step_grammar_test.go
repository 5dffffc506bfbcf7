package local

import (
	"slices"
	"strings"
	"testing"

	"github.com/incidentcopilot/incident-copilot/copilot"
)

// The action classes read a step by its grammar: a setting reported in its new
// value and a deletion counted in thousands are steps; the alternative set against
// what happened ("instead of evicting"), a reboot named as a thing, and a step
// refused ("no power-cycling") are not.
func TestStepGrammar(t *testing.T) {
	for _, c := range []struct {
		text string
		want string // the class, or "" for none
	}{
		{"session.cookie-ttl is now 3600 on every edge", "set-config"},
		{"Purge done: deleted 2.7M sess:* keys, memory at 30%", "clean"},
		{"meanwhile setting read_timeout=45s on the proxy", "set-config"},
		{"gw-02 · config change read_timeout=45 · reload ok · by ilse", "set-config"},
		{"rebooted both scanners at the dock", "restart"},
		{"the cache refuses new entries when full instead of evicting stale keys", ""},
		{"fleet dashboards show a router reboot on their side at 03:10", ""},
		{"please no power-cycling them, it corrupts the log", ""},
		{"the nightly push set pool.max_conns=500 for every tenant", ""},
	} {
		acts := textTags(copilot.Message{Text: c.text}).actions
		if c.want == "" && len(acts) > 0 || c.want != "" && !slices.Contains(acts, c.want) {
			t.Errorf("%q: actions %v, want %q", c.text, acts, c.want)
		}
	}
}

// A try that worked for a moment and then relapsed did not help.
func TestRelapseIsNoHelp(t *testing.T) {
	for _, s := range []string{
		"restarted the reader, it worked for two minutes then went back to offline",
		"they were back to failing after the reboot",
	} {
		if !noHelpRE.MatchString(s) {
			t.Errorf("noHelpRE misses the relapse in %q", s)
		}
	}
	if noHelpRE.MatchString("traffic went back to normal at 04:12") {
		t.Error("noHelpRE reads a recovery as a relapse")
	}
}

// An instruction ("quickest: flush the …, set …") proposes the fix; it is not the
// cause, even when someone answers "yes" to it and it names what the fix changed.
func TestInstructionIsNoCause(t *testing.T) {
	for _, c := range []struct {
		text string
		want bool
	}{
		{"quickest: flush the sess:* keys, set the policy to lru so it can't fill again", true},
		{"ok. restart the workers one at a time", true},
		{"restart loop on the api pods since 02:00", false},
		{"deploy 4.2 changed the session key format", false},
		{"the retention job deleted the index at 02:00", false},
	} {
		if got := instructs(c.text); got != c.want {
			t.Errorf("instructs(%q) = %v, want %v", c.text, got, c.want)
		}
	}
	inc := chatOf(
		said{who: "alertbot", text: "[FIRING] checkout 5xx 41%", bot: true},
		said{who: "rosa", text: "checkout failing on session writes"},
		said{who: "tomas", text: "session store at maxmemory, policy is noeviction. 3.2M sess keys."},
		said{who: "rosa", text: "quickest: flush the sess:* keys, set the eviction policy to allkeys-lru so it can't wedge again."},
		said{who: "tomas", text: "yes. doing the policy first."},
		said{who: "tomas", text: "maxmemory-policy is now allkeys-lru on both nodes."},
		said{who: "tomas", text: "Flushed 3.2M sess:* keys. Writes succeed again."},
		said{who: "rosa", text: "checkout 5xx back under 1%. resolved"},
	)
	sum := summarize(t, inc)
	if !strings.Contains(sum.RootCause, "noeviction") || strings.Contains(strings.ToLower(sum.RootCause), "flush") {
		t.Errorf("root cause %q, want the noeviction finding and not the instruction", sum.RootCause)
	}
}
