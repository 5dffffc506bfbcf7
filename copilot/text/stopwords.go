package text

import "strings"

// stopWords are English function words, incident-channel chatter and link parts:
// words that say nothing about a failure or a fix. Negations are kept apart (see
// IsNegation) because "not ready" and "no such host" depend on them while a
// comparison of two follow-ups does not; state words such as "down", "up", "out"
// and "back" stay content where they describe the outage.
var stopWords = toSet(`
	a about above after again against all already also am an and any are as at
	be because been before being below between both but by
	can could d did do does doing done during each else even ever few for from further
	get gets getting got had has have having he her here hers him his how i if in into
	is it it's its itself just let let's lets like ll m may me might more most much must my
	of off on once one only onto or other our ours over own
	re s same she should so some such t than that the their them then there these they
	this those through to too under until us ve very was we were what when where which
	while who whom why will with would y you your yours o
	i'll we'll i'm we're you're it'll im ill ive dont didnt doesnt isnt wasnt cant wont
	thats theres shall per via whose many
	yet still really maybe probably actually think thought seems seem see saw say
	know going gonna go want wants need needs make made sure
	thing things something anything everything nothing someone anyone everyone people
	way well lot bit kind sort right yes yeah yep nope ok okay able guess two
	hi hey hello thanks thank thx ty pls please lol haha hmm btw fyi cc ack np ping pinged
	sorry cool great nice awesome guys folks team
	time today tomorrow day next last new old now ago min mins minutes hour hours
	http https www com org net io html htm`)

// negations flip what a phrase says ("not ready", "no such host").
var negations = toSet(`no not nor never none cannot`)

// IsStopWord reports whether the lower-case word w carries no content. Negations
// are not stop words; callers that compare topics rather than symptoms drop them
// too (IsNegation).
func IsStopWord(w string) bool { return stopWords[w] }

// IsNegation reports whether the lower-case word w negates what follows.
func IsNegation(w string) bool { return negations[w] }

func toSet(words string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(words) {
		m[w] = true
	}
	return m
}
