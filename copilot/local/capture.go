package local

import (
	"math"
	"strings"

	"github.com/incidentcopilot/incident-copilot/copilot"
)

// Capture by meaning: a ticket that the channel never cites (exported by the tracker
// integration) captures a follow-up when its title says the same thing in other
// words. Words are not equal evidence: "checkout" or "alert" appear in half an
// incident's messages, "goroutine" or "truststore" in one. So a term counts by its
// rarity in the incident (inverse document frequency over the messages and ticket
// titles), and the score is the share of the title's weight that the follow-up's
// message also carries. Titles are short summaries of one item; a message may hold
// an explanation too, so coverage of the title is the fair measure.

// TicketScores are the measures matchTickets compares one follow-up and one
// ticket by: the IDF-weighted share of the title's terms the follow-up's message
// holds and how many, the share of the item's own terms the title holds and how
// many, and the embedding cosine (NaN without an embedder). A measurement reads
// them through the engine's ticket trace to choose thresholds on dev pairs.
type TicketScores struct {
	TitleCovered float64
	TitleShared  int
	ItemCovered  float64
	ItemShared   int
	Cosine       float64
}

// termWeights are the IDF weights of an incident's content terms.
type termWeights struct {
	df map[string]int
	n  int
}

func weightsOf(msgs []msgTags, tickets []copilot.Ticket) termWeights {
	w := termWeights{df: map[string]int{}}
	add := func(text string) {
		w.n++
		for _, t := range contentTerms(text) {
			w.df[t]++
		}
	}
	for _, t := range msgs {
		add(t.msg.Text)
	}
	for _, tk := range tickets {
		add(tk.Title)
	}
	return w
}

func (w termWeights) of(term string) float64 {
	return math.Log(float64(w.n+1) / (float64(w.df[term]) + 0.5))
}

// coverage is the share of title's term weight that terms also hold, and how many
// title terms they share. A compound written as one word on one side and as two on
// the other ("NodeLocal DNSCache", "dns cache") is the same term: terms also hold
// the joins of their neighbours.
func (w termWeights) coverage(terms, title []string) (float64, int) {
	have := map[string]bool{}
	for i, t := range terms {
		have[t] = true
		if i > 0 {
			have[terms[i-1]+t] = true
		}
	}
	var shared, total float64
	n := 0
	for _, t := range title {
		wt := w.of(t)
		total += wt
		if have[t] {
			shared += wt
			n++
		}
	}
	if total == 0 {
		return 0, 0
	}
	return shared / total, n
}

// ticketTitleTerms are a title's content terms without the prefix of one or two words
// a tracker title often starts with ("checkout-api: …", "invoice-pdf Dockerfile: …"),
// which names where, not what.
func ticketTitleTerms(title string) []string {
	if i := strings.Index(title, ": "); i > 0 && i < 40 && len(strings.Fields(title[:i])) <= 2 {
		if rest := contentTerms(title[i+2:]); len(rest) >= 2 {
			return rest
		}
	}
	return contentTerms(title)
}
