package local

import (
	"strings"
	"testing"
)

// TestRegularBase: the regular past is undone by spelling, not by a list of verbs.
func TestRegularBase(t *testing.T) {
	for past, want := range map[string]string{
		"remounted": "remount", "enabled": "enable", "moved": "move", "paused": "pause",
		"rotated": "rotate", "purged": "purge", "restored": "restore", "dropped": "drop",
		"copied": "copy", "added": "add", "re-added": "re-add", "installed": "install",
		"deleted": "delete", "forced": "force", "changed": "change", "reverted": "revert",
		"unpinned": "unpin", "re-keyed": "re-key", "pruned": "prune", "re-pointed": "re-point",
	} {
		if got := pastVerb(past); got != want {
			t.Errorf("pastVerb(%q) = %q, want %q", past, got, want)
		}
	}
	for _, w := range []string{"speed", "proceed", "red", "shed-ed", "allowance-exceeded", "restart", "pods"} {
		if got := pastVerb(w); got != "" && got != "shed" {
			t.Errorf("pastVerb(%q) = %q, want no past verb", w, got)
		}
	}
}

// TestReportedAction: a clause that opens, subject dropped, with a past-tense verb
// and an object is an action report; its verb becomes the instruction's, the
// clauses after it join the step until one reports the effect, which is the check.
func TestReportedAction(t *testing.T) {
	for _, c := range []struct{ in, step, check string }{
		{"remounted /srv/media on the render hosts", "Remount /srv/media on the render hosts", ""},
		{"enabled stale-while-revalidate, widened the shield", "Enable stale-while-revalidate, widen the shield", ""},
		{"we installed ntpd through the config tool, binds working again", "Install ntpd through the config tool", "binds working again"},
		{"temporarily re-pointed tenant 44 at the spare pool, errors dropping", "Re-point tenant 44 at the spare pool", "errors dropping"},
		{"at 14:02 swapped the signing key in the vault", "Swap the signing key in the vault", ""},
		// The system's doing, no object, a pronoun alone, wrap-up after recovery.
		{"crashed again at 09:10", "", ""},
		{"dropped to 0 after the deploy", "", ""},
		{"spiked at noon", "", ""},
		{"triggered it manually", "", ""},
		{"uploads work again, removed the old bucket policy", "", ""},
		// A named doer is not the speaker.
		{"the vendor applied a grace key", "", ""},
		{"looking at the pool", "", ""},
	} {
		step, check, _ := reportedAction(c.in)
		if step != c.step || check != c.check {
			t.Errorf("reportedAction(%q) = %q, %q; want %q, %q", c.in, step, check, c.step, c.check)
		}
	}
}

// TestTerseChannelSteps: in a channel where each action is one terse report, the
// report that the system then recovered makes a step, with the recovery as its
// check; the last action before the resolution makes one too. A report dated
// before the incident is its history, and a change after the recovery is wrap-up.
func TestTerseChannelSteps(t *testing.T) {
	cases := []struct {
		name  string
		msgs  []string
		want  string // a step holding this, "" for none
		check string
	}{
		{"recovery after", []string{"bot> [CRIT] render hosts load > 60", "ana: processes stuck on the media share",
			"ana: unmounted and remounted /srv/media on every render host", "bo: load back to normal, queue moving again", "ana: resolved"},
			"Remount /srv/media on every render host", "Load back to normal"},
		{"last before resolution", []string{"bot> [CRIT] ldap binds failing", "ana: clock on dc2 is 9 min off",
			"ana: pointed dc2 at the pool ntp servers, forced a resync", "bo: binds ok", "ana: resolved"},
			"Point dc2 at the pool ntp servers", "Binds ok"},
		{"history", []string{"bot> [CRIT] replication slot lag", "ana: that's ours, moved the reporting job to the lake in june",
			"bo: slot holds 400GB of wal", "ana: resolved"}, "", ""},
		{"wrap-up", []string{"bot> [CRIT] image origin 503", "ana: rerouted thumbnails to the spare origin", "bo: errors gone, thumbnails loading again",
			"ana: removed the purge permission from the campaign tool role"}, "Reroute thumbnails to the spare origin", "thumbnails loading again"},
		{"wrap-up alone", []string{"bot> [CRIT] image origin 503", "bo: errors gone, thumbnails loading again",
			"ana: removed the purge permission from the campaign tool role"}, "", ""},
		{"not helped", []string{"bot> [CRIT] api p99 9s", "ana: re-pointed the api at the spare cache", "bo: no change, still slow",
			"ana: resolved"}, "", ""},
	}
	for _, c := range cases {
		inc := synthetic("INC-T", c.msgs...)
		inc.Status = "resolved"
		steps, _ := incidentSteps(inc, 0)
		var got []string
		found := false
		for _, d := range steps {
			if d.kind != "mitigation" || !d.helped {
				continue
			}
			got = append(got, d.stepText())
			if c.want != "" && strings.Contains(d.text, c.want) && strings.Contains(d.check, c.check) {
				found = true
			}
		}
		if c.want == "" && len(got) > 0 || c.want != "" && !found || strings.Contains(strings.Join(got, " "), "purge permission") {
			t.Errorf("%s: steps %q, want %q (check %q)", c.name, got, c.want, c.check)
		}
	}
}

// TestNounSubject: an action word that heads the subject of another verb is no
// action ("bounce loop created 4M messages"); a passive report still is.
func TestNounSubject(t *testing.T) {
	for in, want := range map[string]bool{
		"retry loop created 2m duplicate jobs": true,
		"restart fixed the leak":               true,
		"rollback finished":                    false,
		"hotfix deployed, exports back on":     false,
		"restarted the workers":                false,
		"roll back router config on edge-1":    false,
	} {
		if got := nounSubject(in); got != want {
			t.Errorf("nounSubject(%q) = %v, want %v", in, got, want)
		}
	}
}
