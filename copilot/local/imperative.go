package local

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// A runbook step is an instruction, but responders report what they did ("rolled
// back checkout-api to 2.30.4", "I'm restarting the workers"). imperative turns the
// report into the instruction by dropping the speaker and putting the action verb in
// its base form. Only the verbs below are rewritten: an unknown first word leaves the
// sentence as it was, which reads oddly at worst and never changes what it says.
var baseVerb = func() map[string]string {
	m := map[string]string{}
	for _, line := range []string{
		"roll rolled rolling", "revert reverted reverting", "restart restarted restarting",
		"bounce bounced bouncing", "scale scaled scaling", "fail failed failing",
		"raise raised raising", "increase increased increasing", "bump bumped bumping",
		"lower lowered lowering", "reduce reduced reducing", "disable disabled disabling",
		"enable enabled enabling", "drain drained draining", "flush flushed flushing",
		"purge purged purging", "clear cleared clearing", "delete deleted deleting",
		"drop dropped dropping", "rotate rotated rotating", "renew renewed renewing",
		"re-add re-added re-adding", "add added adding", "remove removed removing",
		"block blocked blocking", "kill killed killing", "terminate terminated terminating",
		"replay replayed replaying", "redeploy redeployed redeploying", "deploy deployed deploying",
		"pin pinned pinning", "patch patched patching", "promote promoted promoting",
		"cordon cordoned cordoning", "evict evicted evicting", "move moved moving",
		"switch switched switching", "apply applied applying", "pause paused pausing",
		"resume resumed resuming", "throttle throttled throttling", "shift shifted shifting",
		"route routed routing", "reroute rerouted rerouting", "reissue reissued reissuing",
		"reload reloaded reloading", "cancel cancelled cancelling", "update updated updating", "change changed changing",
		"run ran running", "recycle recycled recycling", "refresh refreshed refreshing",
		"extend extended extending", "expand expanded expanding", "resize resized resizing",
		"roll-back rolled-back", "failover failed-over", "reindex reindexed reindexing",
		"vacuum vacuumed vacuuming", "rebuild rebuilt rebuilding", "reset resetting",
		"set setting", "stop stopped stopping", "start started starting",
		"upgrade upgraded upgrading", "downgrade downgraded downgrading",
		"failback failed-back", "unblock unblocked unblocking", "whitelist whitelisted",
		"allowlist allowlisted", "re-enable re-enabled re-enabling", "re-run re-ran re-running",
		"rerun reran rerunning", "requeue requeued requeuing", "redrive redrove redriving",
		"reopen reopened reopening", "re-open re-opened re-opening", "halt halted halting",
	} {
		f := strings.Fields(line)
		for _, w := range f {
			m[w] = f[0]
		}
	}
	return m
}()

// speakerWords start a report without being part of the action.
var speakerWords = map[string]bool{
	"i": true, "we": true, "i've": true, "we've": true, "i'm": true, "we're": true,
	"i'll": true, "we'll": true, "just": true, "have": true, "also": true, "now": true,
	"ok": true, "okay": true, "ok,": true, "okay,": true, "done:": true, "so": true,
	"then": true, "finally": true, "am": true, "are": true, "has": true, "been": true,
	"going": true, "to": true,
	// Acknowledgements before the action ("yes, rolling back…").
	"yes": true, "yes,": true, "yep": true, "yep,": true, "yup": true, "yup,": true, "sure": true,
	"sure,": true, "alright": true, "alright,": true, "right,": true, "done,": true, "on": true, "it,": true,
}

// imperative rewrites a reported action as an instruction; see baseVerb.
func imperative(s string) string {
	words := strings.Fields(s)
	i := 0
	for i < len(words)-1 && speakerWords[strings.ToLower(strings.Trim(words[i], "…"))] {
		i++
	}
	if i >= len(words) {
		return s
	}
	base, ok := baseVerb[strings.ToLower(words[i])]
	if !ok {
		return s
	}
	rest := words[i+1:]
	out := capitalize(base)
	if len(rest) > 0 {
		out += " " + strings.Join(rest, " ")
	}
	return out
}

func capitalize(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	return string(unicode.ToUpper(r)) + s[n:]
}

// nowRE: "now" after the action says when, not what ("restarting coredns pods now").
var nowRE = regexp.MustCompile(`(?i)[,;]?\s+(right )?now\b[.!]*$`)

// actionClause keeps the clause of a step that names the action: a report that
// follows it after a comma ("rolling back to 2.30.4 now, argo sync started") is
// what happened next, not part of the instruction. The head is kept only when it
// still names what changed (minTerms content terms); "now" at its end goes too.
func actionClause(s string, minTerms int) string {
	head := s
	for i := 0; ; {
		j := strings.Index(s[i:], ", ")
		if j < 0 {
			break
		}
		// A comma inside brackets or a quoted value is not the end of the clause.
		if i += j; len(contentTerms(s[:i])) >= minTerms && strings.Count(s[:i], "(") == strings.Count(s[:i], ")") && strings.Count(s[:i], "`")%2 == 0 && strings.Count(s[:i], "'")%2 == 0 {
			head = s[:i]
			break
		}
		i += 2
	}
	if h := nowRE.ReplaceAllString(head, ""); len(contentTerms(h)) >= minTerms {
		head = h
	}
	if head != s && !strings.HasSuffix(head, ".") {
		head += "."
	}
	return head
}

// instructs reports whether a sentence (lower case) is an instruction: past a label
// ("quickest:") and the words that lead a reply ("ok.", "so"), it opens with an
// action verb in its base form and goes on to the thing acted on ("delete the tile
// keys, set the policy to lru"). An instruction proposes what to do; it states no
// cause and reports no step. The verb must be followed by a determiner, so a noun
// that shares its form ("restart loop", "deploy 2.3 broke it") is not read as one.
func instructs(low string) bool {
	low = labelLeadRE.ReplaceAllString(low, "")
	words := strings.Fields(low)
	i := 0
	for i < len(words) && replyLeadWords[strings.Trim(words[i], ".,:;!")] {
		i++
	}
	if i+1 >= len(words) {
		return false
	}
	w := strings.Trim(words[i], ".,:;!")
	return baseVerb[w] == w && determiners[words[i+1]]
}

// replyLeadWords open a reply before what it says.
var replyLeadWords = map[string]bool{"ok": true, "okay": true, "so": true, "then": true, "yes": true, "right": true, "alright": true, "first": true, "now": true, "just": true, "pls": true, "please": true}

// determiners stand before the thing a verb acts on.
var determiners = map[string]bool{"the": true, "a": true, "an": true, "all": true, "those": true, "these": true, "this": true, "that": true, "it": true, "them": true, "every": true, "both": true, "our": true, "its": true}
