package local

import (
	"fmt"
	"testing"

	"github.com/incidentcopilot/incident-copilot/copilot"
)

// Readings from dev69 once dev70 was being written.

// "fair, dropping that" concedes the objection before it: the objection ("we
// have no contract with certaxis, paycore does") says why the idea went and is
// no gap of its own. "oh nice, nvm then" after "already exists" takes the
// speaker's own idea back as "ok, nvm then" does.
func TestConcededObjectionIsNoItem(t *testing.T) {
	inc, got := followUpsOf(t,
		"maya: follow-ups?",
		"tomasz: and I'll open a claim with certaxis for the outage",
		"marta: we have no contract with certaxis, paycore does. nothing to claim from our side",
		"tomasz: fair, dropping that",
		"marta: I'll write a rollback runbook for entitlements-svc",
		"diego: already exists, docs/runbooks/entitlements-rollback.md, I updated it last month",
		"marta: oh nice, nvm then",
		"ola: I'll add the pool wait alert to the match-day dashboard",
	)
	wantFollowUpLines(t, inc, got, false, false, false, false, false, false, false, true)
}

// The same in the idea's thread: the take-back there drops the idea and the
// objection under it.
func TestConcededObjectionInThread(t *testing.T) {
	root := fmt.Sprintf("^%d ", len(firefight)+1)
	inc, got := followUpsOf(t,
		"maya: follow-ups?",
		"joss: and I'll open a claim with the registrar for the outage",
		root+"marta: we have no contract with the registrar, the agency does. nothing to claim from our side",
		root+"joss: fair, dropping that",
	)
	wantFollowUpLines(t, inc, got, false, false, false, false)
}

// An ask of someone else between an idea and its speaker's take-back answers
// nothing of that idea: it stays.
func TestAskBeforeTakeBackStays(t *testing.T) {
	inc, got := followUpsOf(t,
		"maya: follow-ups?",
		"tomek: i'll also go through every other service already migrated and check for dropped overrides",
		"oskar: @priya can you add a step to the chart migration runbook: diff the ingress annotations before/after",
		"priya: yes will do",
		"tomek: actually scratch my audit, ruth's schema check flags the same thing. dropping it",
	)
	wantFollowUpLines(t, inc, got, false, false, true, false, false)
}

// With the subject dropped, "also putting X on the dashboard" and "also writing a
// runbook for …" commit as "also adding X to the runbook" does; "writing the
// parser fix meanwhile: … + unit test" is the fix being written, its test a
// part of it.
func TestDroppedSubjectPuttingWriting(t *testing.T) {
	inc, got := followUpsOf(t,
		"maya: follow-ups?",
		"sofi: also putting entitlements-db connections + hikari pool wait on the match-day dashboard, last night I had to go psql to see it",
		"nadia: also writing a runbook for the securetext cert renewal (CSR steps, how to roll the secret). by next wed",
		"omar: writing the parser fix meanwhile: if ts > 1e11 treat as ms, + unit test w/ their new payload",
	)
	wantFollowUpLines(t, inc, got, false, true, true, false)
}

// "checkRevocation=true" says "revocation" to the tracker bot's title that
// writes it apart, as snake_case parts do.
func TestCamelCasePartsMatchTheAnnouncement(t *testing.T) {
	inc := chat(append(append([]string{}, firefight...),
		"maya: follow-ups?",
		"bjorn: I'll get the hardening baseline reviewed for every other service that has checkRevocation=true, payments isn't the only one",
		"jira: created SEC-118: Audit JVM services for hard-fail OCSP revocation settings",
	)...)
	botSays(inc, 2)
	got := followUpsBySource(t, inc)
	if it, ok := got[ts(inc, 1)]; !ok || it.TicketKey != "SEC-118" {
		t.Errorf("the review: found %v, ticket %q; want SEC-118", ok, it.TicketKey)
	}
}

// "add-on" is a noun: a ticket for a "Sports pass add-on entitlement check"
// shares no "add" with "I'll add a … alert".
func TestHyphenParticleCompoundIsOneTerm(t *testing.T) {
	inc := chat(append(append([]string{}, firefight...),
		"sofi: I'll add a pg_stat_statements alert for seq scans on tables >1M rows on entitlements-db",
	)...)
	inc.Tickets = []copilot.Ticket{
		{Key: "ENT-765", Title: "Sports pass add-on entitlement check", Status: "done"},
		{Key: "ENT-771", Title: "CI: EXPLAIN gate for new entitlement queries against prod-sized data"},
	}
	got := followUpsBySource(t, inc)
	if it, ok := got[ts(inc, 0)]; !ok || it.Captured {
		t.Errorf("the alert: found %v, captured by %q; want uncaptured", ok, it.TicketKey)
	}
	if terms := contentTerms("the add-on, clean-up after"); !hasAll(terms, "addon", "cleanup") || hasAll(terms, "add") {
		t.Errorf("contentTerms = %v, want addon and cleanup whole", terms)
	}
}

func hasAll(terms []string, want ...string) bool {
	have := toSet(joinTerms(terms))
	for _, w := range want {
		if !have[w] {
			return false
		}
	}
	return true
}

func joinTerms(terms []string) string {
	s := ""
	for _, t := range terms {
		s += t + " "
	}
	return s
}
