package local

import (
	"fmt"
	"testing"
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
