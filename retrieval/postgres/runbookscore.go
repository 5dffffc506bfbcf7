package postgres

import (
	"path"
	"strings"
	"sync"
	"unicode"

	"github.com/incidentcopilot/incident-copilot/copilot/failure"
)

// Library runbooks are matched on evidence a responder would accept: the alert the
// runbook is written for named in the channel, or the same failure mechanism. Text
// similarity alone ranks every runbook, so it only orders runbooks that already
// passed minRunbookScore: no suggestion is better than an unrelated one.
const (
	alertNamedScore   = 1.0  // the runbook's alert appears in the transcript
	sharedFailure     = 0.5  // per failure mechanism both name (see weight)
	sharedContext     = 0.05 // per shared concept that says little about the mechanism
	componentNamed    = 0.1  // the runbook's component (etcd, alertmanager …) is named
	minRunbookScore   = 0.5  // an alert or one shared mechanism
	minAlertNameBytes = 8    // shorter titles ("Watchdog" is 8) are too common as words
)

// contextConcepts are lexicon concepts that describe circumstances (a deploy, a
// config change, a 5xx, a timeout) shared by most incidents and many runbooks, so
// sharing one does not make a runbook about the same failure.
var contextConcepts = map[string]bool{
	"deploy": true, "config-change": true, "http-5xx": true, "timeout": true,
	"failover": true, "conn-refused": true, "auth-denied": true,
}

// genericComponents are runbook folders whose name says nothing about the incident.
var genericComponents = map[string]bool{"general": true, "node": true, ".": true, "": true}

// runbookFeatures are what matching needs from one runbook, computed once per content.
type runbookFeatures struct {
	hash      string
	alert     string // lower-cased alert name, "" when the title is not one
	component string // lower-cased first folder of the runbook's path
	// concepts weighs each failure concept of the runbook: 1 when its title, Meaning
	// or Impact names it (what the runbook is about), 0.5 when only its diagnosis or
	// mitigation does (what it mentions on the way).
	concepts map[string]float64
}

// runbookCore is the part of a runbook before its diagnosis: title, Meaning, Impact.
func runbookCore(text string) string {
	for i, line := range strings.Split(text, "\n") {
		if i > 0 && strings.EqualFold(strings.TrimSpace(line), "diagnosis") {
			return strings.Join(strings.Split(text, "\n")[:i], "\n")
		}
	}
	return text
}

// runbookCache keeps runbookFeatures by runbook id; a changed content hash recomputes.
type runbookCache struct {
	mu sync.Mutex
	m  map[string]*runbookFeatures
}

func (c *runbookCache) features(id, hash, title, p, text string) *runbookFeatures {
	c.mu.Lock()
	f := c.m[id]
	c.mu.Unlock()
	if f != nil && f.hash == hash {
		return f
	}
	f = &runbookFeatures{hash: hash, concepts: map[string]float64{}}
	for _, c := range failure.Concepts(text) {
		f.concepts[c] = 0.5
	}
	for _, c := range failure.Concepts(title + "\n" + runbookCore(text)) {
		f.concepts[c] = 1
	}
	if t := strings.TrimSpace(title); len(t) >= minAlertNameBytes && !strings.ContainsAny(t, " \t") {
		f.alert = strings.ToLower(t)
	}
	if dir := path.Dir(p); dir != "." {
		f.component = strings.ToLower(strings.SplitN(dir, "/", 2)[0])
	}
	c.mu.Lock()
	if c.m == nil {
		c.m = map[string]*runbookFeatures{}
	}
	c.m[id] = f
	c.mu.Unlock()
	return f
}

// incidentFeatures are the words and failure concepts of the text being matched. A
// concept signalled once (a service called "checkout-cron") weighs half of one the
// channel keeps coming back to.
type incidentFeatures struct {
	words    map[string]bool
	concepts map[string]float64
}

func newIncidentFeatures(text string) incidentFeatures {
	f := incidentFeatures{words: map[string]bool{}, concepts: map[string]float64{}}
	for _, w := range strings.FieldsFunc(text, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }) {
		f.words[strings.ToLower(w)] = true
	}
	for _, m := range failure.Signatures(text) {
		f.concepts[m.Concept] = min(1, f.concepts[m.Concept]+0.5)
	}
	return f
}

// score is how much evidence ties the runbook to the incident, and why.
func (inc incidentFeatures) score(rb *runbookFeatures) float64 {
	s := 0.0
	if rb.alert != "" && inc.words[rb.alert] {
		s += alertNamedScore
	}
	for c, w := range rb.concepts {
		iw := inc.concepts[c]
		if iw == 0 {
			continue
		}
		if contextConcepts[c] {
			s += sharedContext
		} else {
			s += sharedFailure * w * iw
		}
	}
	if !genericComponents[rb.component] && inc.words[rb.component] {
		s += componentNamed
	}
	return s
}
