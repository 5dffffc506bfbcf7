package evals

import (
	"strings"
	"unicode"
)

// The metrics that compare texts (key facts, runbook steps, unsupported sentences)
// and the baselines share one tokenizer, kept here rather than borrowed from the
// engine so that a change to the engine's text handling cannot move the yardstick.

// stopWords are function words that would make any two English sentences overlap.
var stopWords = wordSet(`a an and are as at be been but by for from had has have he her his i in into is it
		its of on or our she so that the their them then there these they this to was we were what when which who will
		with you your us not no do did does just also after before about up out over than can could would should all any`)

func wordSet(words string) map[string]bool {
	set := map[string]bool{}
	for _, w := range strings.Fields(words) {
		set[w] = true
	}
	return set
}

// contentTokens lowercases s, splits it at anything that is neither a letter nor a
// digit, and drops stop words and one-letter tokens.
func contentTokens(s string) []string {
	fields := strings.FieldsFunc(strings.ToLower(s), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	})
	out := fields[:0]
	for _, f := range fields {
		if len(f) < 2 || stopWords[f] {
			continue
		}
		out = append(out, f)
	}
	return out
}

// tokenSet is the set of content tokens of s.
func tokenSet(s string) map[string]bool {
	set := map[string]bool{}
	for _, t := range contentTokens(s) {
		set[t] = true
	}
	return set
}

// overlap returns the precision (share of got's tokens in want), recall (share of
// want's tokens in got) and F1 of two texts' content-token sets.
func overlap(got, want string) (p, r, f float64) {
	return setOverlap(tokenSet(got), tokenSet(want))
}

// factOverlap is overlap compared by stem: a key fact is the same fact whatever the
// inflection of its words. Labels state a mitigation as an instruction ("Roll back
// recs-api to 4.11.2") while responders report it done ("Rolled back recs-api to
// 4.11.2"); by whole tokens that quote lost a fifth of its F1 for the tense alone.
func factOverlap(got, want string) (p, r, f float64) {
	return setOverlap(stemSet(contentTokens(got)), stemSet(contentTokens(want)))
}

func setOverlap(g, w map[string]bool) (p, r, f float64) {
	if len(g) == 0 || len(w) == 0 {
		return 0, 0, 0
	}
	common := 0
	for t := range g {
		if w[t] {
			common++
		}
	}
	p, r = float64(common)/float64(len(g)), float64(common)/float64(len(w))
	return p, r, f1(p, r)
}

// stem strips the inflection of an English word so that "rolled", "rolling" and
// "roll", or "scaled" and "scale", compare equal: a few suffixes, then a final "e".
// It is deliberately crude and used only where inflection carries no meaning (the
// verb of a runbook step, the words of a key fact).
func stem(t string) string {
	for _, suf := range []string{"ing", "ed", "es", "s"} {
		if len(t) > len(suf)+2 && strings.HasSuffix(t, suf) && !strings.HasSuffix(t, "ss") {
			t = strings.TrimSuffix(t, suf)
			break
		}
	}
	if len(t) > 3 {
		t = strings.TrimSuffix(t, "e")
	}
	return t
}

// stemSet is the set of the stems of tokens.
func stemSet(tokens []string) map[string]bool {
	set := map[string]bool{}
	for _, t := range tokens {
		set[stem(t)] = true
	}
	return set
}
