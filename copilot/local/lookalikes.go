package local

import (
	"regexp"
	"strings"

	"github.com/incidentcopilot/incident-copilot/copilot"
	"github.com/incidentcopilot/incident-copilot/copilot/text"
)

// Look-alikes of a follow-up, and what tells them apart: in a report, the
// response's own steps ticked off, remedies for the customers hit, entries
// struck from the list, narration, reflective sections, lessons beside an action
// list; in any message, another voice quoted, a question that proposes only what
// it names, a fix reported in place, a reported question answered no, a clock's
// offset read as "in the future". And the forms that do propose though earlier
// rules missed them: a closing "please", a heading that says what comes next, a
// day or a deadline after the resolution.

var (
	// lkRemedyRE: a one-off remedy for the customers an incident hit (a refund, a
	// fee waived, a credit, an apology, honouring the mispriced orders, offering
	// those it hit a return visit): it repairs this incident's damage and changes
	// nothing that outlives it.
	// The refund is the act ("refund the missing credits", "issue refunds"), not
	// the refund service a lasting fix may change.
	lkRemedyRE = regexp.MustCompile(`\b(?:(?:offer|give)(?:s|ing|n)? (?:those|these|the affected|all affected|affected|all the affected|each affected) (?:[\w-]+ ){0,2}?(?:an? |free |\d)|waiv(?:e|ed|es|ing) (?:the |all |their )?(?:[\w-]+ ){0,2}(?:fees?|charges?|penalt(?:y|ies)|fines?)\b|(?:fees?|charges?|penalt(?:y|ies)) (?:[\w:.-]+ ){0,8}(?:are|is|were|was) waived\b|refund(?:ing|ed)? (?:the |all |every |missing |affected |\d)|refund(?:s|ing|ed)? (?:them|those|these|everyone|everybody|each)\b|(?:issu|send|pay|process)\w* (?:\w+ )?refunds?|refunds? (?:to|for) (?:\w+ ){0,2}(?:customers?|users?|owners?|merchants?|accounts?)|honou?r(?:ing)? (?:the |all |every |affected )?(?:[\w-]+ ){0,2}(?:orders?|prices?|bookings?|purchases?)|apolog\w*|compensat\w*|reimburs\w*|goodwill|vouchers?|(?:premium|service|account|missing|one-month|\d+%) credits?|credits? (?:to|for) (?:all |the |every |affected |\d[\d,]* )?(?:customers?|users?|owners?|merchants?|accounts?)|credit(?:ing|ed)? (?:back )?(?:the |all |every |affected )?(?:[\w-]+ ){0,2}(?:fees?|charges?|subscriptions?)\b[^.!?]{0,40}\b(?:customers?|users?|clients?|accounts?|merchants?))\b`)
	// lkDoneStatusRE and lkMitigateTypeRE read an entry's closing fields as the
	// report's table or checklist gave them ("Status: done", "Type: mitigate").
	lkDoneStatusRE   = regexp.MustCompile(`(?im)^status:\s*(?:done|closed|complete\w*|fixed)\s*$`)
	lkMitigateTypeRE = regexp.MustCompile(`(?im)^type:\s*(?:mitigat\w*|repair|recover\w*|respon\w*)\s*$`)
	// lkDroppedRE: an entry the report says was dropped, by a field after its dash,
	// in its status, or as a label after its sentence ("— dropped: the sweep makes it
	// unnecessary", "Replace the library. Won't do: it behaved correctly") or in
	// brackets.
	lkDroppedRE = regexp.MustCompile(`(?i)\s[—–-]\s*(?:dropped|cancell?ed|rejected|abandoned|descoped|won'?t do|wontfix|not doing)\b|(?im)^status:\s*(?:dropped|cancell?ed|rejected|abandoned|won'?t do|wontfix|withdrawn|superseded|obsolete|duplicate)\b|` +
		`(?i)[.;]\s+(?:dropped|cancell?ed|rejected|abandoned|descoped|removed|won'?t do|wontfix|not doing)\s*:|` +
		// or in brackets after it ("… higher limits (dropped: limits are per
		// mailbox)").
		`(?i)\(\s*(?:dropped|cancell?ed|rejected|abandoned|descoped|withdrawn|won'?t do|wontfix|not doing)\s*[:;,)—–-]|` +
		// or by the sentence after it ("We also discussed adding workers. We decided
		// against it: …").
		`(?i)[.;]\s+(?:we|the team|the review)\s+(?:(?:then|finally|eventually)\s+)?(?:decided against|rejected|ruled out|declined|dropped)\s+(?:it|this|that|the idea)\b|(?i)[.;]\s+(?:we|the team|the review)\s+ruled (?:it|this|that) out\b|` +
		// or says in the next sentence that it will not be done ("We also looked
		// at raising the heap to 4 GB. We are not doing this; …").
		`(?i)[.;]\s+(?:we|the team)(?:\s+are|'re|\s+will|'ll)?\s+(?:not|won'?t)\s+(?:doing|do|pursuing|pursue|adopting|adopt|implementing|implement)\s+(?:it|this|that)\b|` +
		// or that the people agreed not to ("… covers the same risk more
		// cheaply, so we agreed not to pursue it").
		`(?i)\b(?:we|the team|the review|everyone)\s+(?:agreed|decided)\s+not\s+to\s+(?:pursue|do|adopt|implement|build)\s+(?:it|this|that)\b|` +
		// or ends by saying no more work is needed ("Ravi checked the other
		// backends: they check on their traffic ports, so no further change is
		// needed there.").
		`(?i)\bno (?:further|other|more) (?:changes?|actions?|work) (?:is |are )?(?:needed|required|necessary)(?:\s+(?:on|for) (?:it|this|that|them)|\s+there|\s+here)?\W*$|` +
		// or by a participle after the entry, with the forum that decided
		// ("Add a second runner group … dropped after review").
		`(?i)\b(?:dropped|rejected|abandoned|descoped|cancell?ed|shelved)\s+(?:after|following|at|in|during|by)\s+(?:the\s+|our\s+)?(?:[\w-]+\s+)?(?:review|discussion|meeting|triage|planning|vote|retro\w*|team|board|cab)\b|` +
		// or by its own last clause ("Automatic renewal via ACME was also raised;
		// the TSO PKI does not offer it, so it is not an action.").
		`(?i)\b(?:it|this|that)\s+(?:is|was|'s)\s+not\s+an?\s+(?:action|action item|follow-?up|item)\b|` +
		// or that another entry covers it and no item of its own was opened
		// ("Oskar suggested a schema check … We agreed item 4 covers it and did
		// not open a separate item.").
		`(?i)\b(?:did not|didn'?t|will not|won'?t|do not|don'?t)\s+open\s+(?:a\s+)?separate\s+(?:action\s+)?(?:item|action|ticket)s?\b`)
	// lkDoneDuringRE: an entry said, anywhere in it, to have been done during the
	// incident ("(done during the incident)"): a step of the response listed for
	// completeness, not work still to come.
	lkDoneDuringRE = regexp.MustCompile(`\b(?:done|completed|performed|carried out|applied|handled|taken)\s+(?:already\s+)?(?:during|while|in the course of|as part of)\s+(?:the\s+)?(?:incident|response|outage|mitigation|recovery|firefight\w*)\b`)
	// lkPastLaterRE: "later" between a past auxiliary and its participle.
	// lkNarrateRE: a sentence told in the past by its subject ("we had written",
	// "that item was closed", "we discussed", "we decided against it"), or
	// reporting work in place ("That change is done and is not tracked here").
	lkPastLaterRE = regexp.MustCompile(`\b(was|were|had been|had)\s+later\b`)
	lkNarrateRE   = regexp.MustCompile(`\b(?:we|i|they|it|that|this|which|(?:the|that|this) \w+)\s+(?:had|was|were|did|already \w+ed|(?:\w+ed)(?:\s|$|[,.;]))|\b(?:was|were|had been)\s+(?:(?:later|then|since|also|\w+ly)\s+)?\w+(?:ed|en)\b|\b\w+ already \w+ed\b|\b(?:is|are) (?:already )?(?:done|complete|completed|finished|in place|in production|live|deployed|merged|shipped)\b`)
)

// remedy reports whether low is a one-off remedy for customers with nothing
// lasting besides ("Customer success will send an apology email with a credit").
// Redoing once what the incident missed ("the 22 spots must be rescheduled",
// "resend today's invoices", "rerun the import tonight") is a remedy too.
func remedy(low string) bool {
	for _, re := range remedyREs {
		if re.MatchString(low) && !fuStrongLastingRE.MatchString(lkBoundByRE.ReplaceAllString(re.ReplaceAllString(low, " "), " ")) {
			return true
		}
	}
	return false
}

// lkBoundByRE: the rule a remedy keeps to ("to remain within our customer
// policy", "as per the SLA"), which is in place already and no work to come.
var lkBoundByRE = regexp.MustCompile(`\b(?:(?:to )?(?:remain|stay|be|keep) (?:within|inside|in line with|compliant with)|compl(?:y|ying) with|in line with|as per|per) (?:our |the |their )?(?:[\w-]+ ){0,3}(?:polic(?:y|ies)|slas?|contracts?|terms)\b`)

// remedyREs: the one-off remedies, each read apart from what lasts besides it.
var remedyREs = []*regexp.Regexp{lkRemedyRE, lkRedoRE}

// lkRedoRE: doing again, once, what was missed or failed: a redo verb on the
// things themselves, or the things said to need it.
var lkRedoRE = regexp.MustCompile(`\b(?:re-?schedul|re-?send|re-?sent|re-?run|reran|replay|reprocess|re-?deliver|re-?import|re-?publish)\w* (?:the |all |every |those |these |them\b|our |today'?s |yesterday'?s |tonight'?s |last night'?s |missed |failed |\d)|\b(?:must|needs? to|has to|have to|will|to|should) be (?:re-?schedul|re-?sent|resen|re-?run|replay|reprocess|re-?deliver|re-?import|re-?publish)\w*`)

// doneInIncident reports whether an action list's entry is a step of the response
// ticked off during the incident: done, and a mitigation by its type or its verb,
// or a remedy for the customers. A preventive entry marked done stays listed (it
// still says what the team changed).
func doneInIncident(t msgTags) bool {
	if lkDoneDuringRE.MatchString(t.lower) {
		return true
	}
	if !lkDoneStatusRE.MatchString(t.msg.Text) {
		return false
	}
	return lkMitigateTypeRE.MatchString(t.msg.Text) || len(t.actions) > 0 || remedy(t.lower)
}

// markedDone reports whether a report's entry says it is done: its status field, or
// a closing "(Mei Tanaka, done 2026-11-12)" or "— done 2026-05-03" that a list under
// a heading the reader did not take for actions still carries.
func markedDone(t msgTags) bool {
	return t.section != "" && (lkDoneStatusRE.MatchString(t.msg.Text) || lkDoneMarkRE.MatchString(t.msg.Text) || doneOnDate(t.lower) || lkDoneClauseRE.MatchString(t.lower) || lkClosedClauseRE.MatchString(t.lower))
}

// lkClosedClauseRE: an entry closed because other work covers it ("… — superseded
// by items 1 and 3", "closed by this report").
var lkClosedClauseRE = regexp.MustCompile(`[,;:.—–-]\s*(?:superseded|replaced|subsumed|covered) by (?:items?|actions?|#?\d|[a-z]+-\d+)|\bclosed by this (?:report|review|postmortem)\b`)

// lkDoneClauseRE: an entry that ends by saying what it names is finished ("Refunds
// and the manual flush are not listed here; they are complete.").
var lkDoneClauseRE = regexp.MustCompile(`[,;:.]\s*(?:they|these|those|both|all|it|this|that)(?: are| is| were| was|'re|'s) (?:all |both |already )?(?:complete|completed|done|finished|closed|in place)\s*[.!]?\s*$`)

// doneOnDate reports an entry that says it was done on a day ("Audit the other
// 30 records done on 2026-05-28, all correct"); "must be done on 2026-06-01" is
// a deadline.
func doneOnDate(low string) bool {
	for _, m := range lkDoneOnRE.FindAllStringSubmatch(low, -1) {
		if !lkDoneOnDueRE.MatchString(m[1]) {
			return true
		}
	}
	return false
}

var (
	// lkDoneOnRE: "done on" a date; group 1 is the word before.
	lkDoneOnRE = regexp.MustCompile(`(\S+)\s+(?:done|completed|finished)\s+on\s+(?:\d{4}-\d{2}-\d{2}|\d{1,2}(?:st|nd|rd|th)?\s+[a-z]{3,}|[a-z]{3,}\s+\d{1,2}\b)`)
	// lkDoneOnDueRE: the words that make "done on" a date to come.
	lkDoneOnDueRE = regexp.MustCompile(`^(?:be|get|gets|getting|to|will|must|should|can)$`)
)

// lkDoneMarkRE: a closing done mark, alone in parentheses or after the entry's other
// fields, or after a dash.
var lkDoneMarkRE = regexp.MustCompile(`(?i)` + text.DoneParenPattern + `\s*\.?\s*$|` + text.DoneDashPattern)

// dropped reports whether an entry is struck from the list by a status or a
// closing field.
func dropped(raw string) bool { return lkDroppedRE.MatchString(raw) }

// narration reports whether an entry of an action list tells what happened
// rather than what to do: no imperative, no promise, and every sentence told in
// the past with nothing still to do ("In the 2025-11 review we had written …;
// that item was closed when …").
func narration(raw string) bool {
	if isImperative(raw) || sentencePromise(raw) {
		return false
	}
	sents := followUpSentences(raw)
	if len(sents) == 0 {
		return false
	}
	for _, s := range sents {
		// "was later retitled": "later" after a past auxiliary tells when it
		// happened, not that something is left to do.
		low := lkPastLaterRE.ReplaceAllString(strings.ToLower(s), "$1")
		if !lkNarrateRE.MatchString(low) || fuToDoRE.MatchString(low) {
			return false
		}
	}
	return true
}

// lkReflectiveHeadingRE: a heading that asks what could have gone better, the
// reflective half of a "what went well / what can be improved" pair. Its entries
// say what hurt ("Spill usage is not monitored at all"); the report's actions say
// what the team will do about it. An entry there that promises or orders is
// still read as one (todoSections, sentencePromise).
var lkReflectiveHeadingRE = regexp.MustCompile(`^what (?:can|could|should|might) (?:be improved|have gone better|have been (?:done )?better|we (?:have )?(?:done )?(?:better|improve[d]?))|^what (?:went|was) (?:less well|not so well|badly|poorly)`)

// reflectiveHeading reports whether a section (or one of its parts) reflects.
func reflectiveHeading(section string) bool { return anyHeadingPart(section, lkReflectiveHeadingRE) }

// anyHeadingPart reports whether re matches a section or one of its parts
// ("summary / what's next").
func anyHeadingPart(section string, re *regexp.Regexp) bool {
	for _, part := range strings.Split(section, " / ") {
		if re.MatchString(strings.TrimSpace(part)) {
			return true
		}
	}
	return false
}

// lkNextColonRE: "next: …" heads a to-do only once the fire is out and when it
// names no step of the response; else it is the response's next step ("next:
// rolling back web, then …", "next: put the new secret in, then restart").
var lkNextColonRE = regexp.MustCompile(`^\W*next\s*:`)

// lkQuoteRE: a passage of four words or more in double quotes: another voice
// (a vendor's support, an old review's item) whose promises are not the
// writer's. Shorter quotes are names and values ("disk > 80%").
// Single quotes count when they open after a space and close before one, so
// an apostrophe ("don't") opens none.
var lkQuoteRE = regexp.MustCompile(`"[^"]*?\S+\s+\S+\s+\S+\s+\S+[^"]*"|“[^”]*?\S+\s+\S+\s+\S+\s+\S+[^”]*”|(?:^|\s)'[^'\s][^']*?\s+\S+\s+\S+\s+[^']*?[^'\s]'(?:\s|$|[.,;:!?])`)

// lkBlockquoteRE: a Slack blockquote line (opened by ">", "&gt;" as Slack escapes
// it): another voice too, a vendor's answer pasted in. The message's words as the
// engine reads them have lost their line breaks, so the raw text is read.
var lkBlockquoteRE = regexp.MustCompile(`(?m)^[ \t]*(?:>|&gt;)[^\n]*`)

// ownWords is the lower-cased text of a message without its blockquoted lines,
// or lower when it quotes none.
func ownWords(raw, lower string) string {
	if lkBlockquoteRE.MatchString(raw) {
		return strings.ToLower(cleanText(lkBlockquoteRE.ReplaceAllString(raw, " ")))
	}
	// "(pasted from ticket #551203) Hi team, …", "vendor answer, pasting: …" with
	// no quote marks: what follows the paste mark is the other party's.
	if loc := lkPasteRE.FindStringIndex(lower); loc != nil {
		return strings.TrimSpace(lower[:loc[0]])
	}
	return lower
}

// lkPasteRE: a mark that what follows was pasted from someone else's words.
var lkPasteRE = regexp.MustCompile(`\(?\b(?:pasted|pasting|copy-?pasted|quoting)\b[^:)]{0,40}[:)]`)

// unquoted blanks the quoted passages of low: what the writer says, not what
// they quote, proposes or promises.
func unquoted(low string) string { return lkQuoteRE.ReplaceAllString(low, " ") }

// lkNameQuoteRE: any passage in quotes, however short: the name of a thing
// ("a macro for 'speaking temporarily unavailable'"), whose words tell what
// the thing says, not when or how the writer will act.
var lkNameQuoteRE = regexp.MustCompile(`"[^"]*"|“[^”]*”|(?:^|\s)'[^'\s](?:[^']*[^'\s])?'(?:\s|$|[.,;:!?])`)

// withoutNames blanks every quoted passage of low, the short names too.
func withoutNames(low string) string { return lkNameQuoteRE.ReplaceAllString(low, " ") }

// questionOnly returns the question sentences of low when they alone propose
// (every sentence with a proposal form ends in a question mark); ok is false when
// a statement proposes too, or nothing does.
func questionOnly(low string, wrapUp bool) (q string, ok bool) {
	var qs []string
	for _, s := range followUpSentences(low) {
		if !proposalForm(s, wrapUp) {
			continue
		}
		if !strings.HasSuffix(strings.TrimSpace(s), "?") {
			return "", false
		}
		qs = append(qs, s)
	}
	return strings.Join(qs, " "), len(qs) > 0
}

var (
	// lkPraiseLeadRE: a sentence led by a label that says what went right ("What
	// went well: the synthetic checks caught it"), as its heading would.
	lkPraiseLeadRE = regexp.MustCompile(`(?:^|[.!?]\s+)\W*(?:what (?:went|worked) (?:well|right)|(?:went|worked) well|where we got lucky|we got lucky|lucky|kudos|shout-?outs?)\s*:`)
	// lkOwnerOfPaperRE: who owns the incident's own paperwork ("Postmortem owner:
	// Emeka") assigns no improvement.
	lkOwnerOfPaperRE = regexp.MustCompile(`\b(?:post-?mortem|incident report|retro|rca|pir) (?:owner|lead|author|driver)s?\b|\b(?:own|owning|lead|leading|drive|driving|run|running|take|taking|do|doing|handle|handling)\s+(?:the\s+|this\s+|our\s+)?(?:post-?mortem|incident report|retro|rca|pir)\b`)
	// lkFixLabelRE: the label of the lasting fix, with what follows it.
	lkFixLabelRE = regexp.MustCompile(`\b(?:permanent|long[- ]term|real|proper) fix(?: \w+)?\s*:\s*(.*)`)
	// lkPastLeadRE: a clause that opens (within three words) with a verb in the
	// past ("reverted PR 618 and added …", "merged: …").
	lkPastLeadRE = regexp.MustCompile(`^(?:[\w.-]+\s+){0,2}?(?:\w+ed|done|built|made|put|ran|shipped|landed)\b`)
	// lkShippedRE: the message reports the change as deployed.
	lkShippedRE = regexp.MustCompile(`\b(?:rolled out|merged|deployed|applied|shipped|released|is live|went live)\b`)
	// lkStillToDoRE: a modal, a future or a question: something still to do
	// (fuToDoRE without "next", which after a fix names the next deploy or apply).
	lkStillToDoRE = regexp.MustCompile(`\b(?:will|'ll|shall|should|need|needs|must|let'?s|going to|gonna|could|can|todo|to-do|tbd|later|still|yet)\b|\?`)
)

// praise reports a sentence led by a label that says what went right.
func praise(low string) bool { return lkPraiseLeadRE.MatchString(low) }

// notCommitted reports a message whose writer says in so many words that it commits
// nobody ("… whether the feed should move to push, but this is not a commitment",
// "the top-up payments were one-off corrections and are complete; they are not
// tracked as action items").
// "I'll take that to the vendor, no promises on a date" commits to the work and
// declines only to name its time: lkNoDateRE is taken out first.
func notCommitted(low string) bool {
	return lkNotCommittedRE.MatchString(lkNoDateRE.ReplaceAllString(low, " "))
}

// lkNoDateRE: a promise declined only for its time ("no promises on timing",
// "no promise about their timeline", "no commitment on a date").
var lkNoDateRE = regexp.MustCompile(`\bno (?:commitment|promises?) (?:on|about|re|for|as to) (?:a |the |any |their |our |my )?(?:timing|timelines?|time ?frames?|dates?|eta|when|deadlines?|schedule|delivery date)\b`)

var lkNotCommittedRE = regexp.MustCompile(`\b(?:is|it's|that's|this's)\s+not\s+(?:yet\s+)?a\s+commitment\b|\bno (?:commitment|promises?)\b|\bnot (?:committing|promising)\b|\b(?:do not|don't) know (?:if|whether) (?:we|i)(?:'ll| will)\b|\bnot (?:a )?new (?:one|item|action)\b|\bnot (?:tracked|listed|counted|kept|recorded|logged|filed) as (?:an? )?(?:action items?|actions?|follow-?ups?)\b|\b(?:is|are|was|were) not (?:an? )?(?:action items?|follow-?ups?)\b|\b(?:nobody|no one|no-one) (?:took|has taken|owns|picked up|volunteered for) (?:that|it|this)\b|\bnot deciding (?:that|this|it)\b|\b(?:look at|revisit|reconsider|come back to) (?:it|this|that) (?:again )?(?:if|when|should) (?:it|this|that) (?:happens|happen|recurs|comes back)\b`)

// lesson reports a message its writer labels a lesson ("lesson: rotation scripts
// that touch two teams need a handshake", "the bigger lesson, honestly, is that …"):
// what was learnt, as a "Lessons learned" heading says of its entries, unless the
// writer also puts it on someone's list ("Learning: we need to replay a day of
// traffic …", "lesson for me, I'll …").
func lesson(low string) bool {
	for _, re := range []*regexp.Regexp{lkLessonLeadRE, lkHindsightRE} {
		if re.MatchString(low) && !lkOnUsRE.MatchString(re.ReplaceAllString(low, " ")) {
			return true
		}
	}
	return false
}

var (
	// lkLessonLeadRE: a message opened by a lesson label, "is that" or a colon after it.
	lkLessonLeadRE = regexp.MustCompile(`^\W*(?:(?:and|so|but|ok|okay)\W+)?(?:(?:the|my|our|one|a)\s+)?(?:(?:big(?:ger|gest)?|main|key|real|other|important)\s+)?(?:lessons?(?:\s+learn[et]d?)?|takeaways?|learnings?|(?:note|reminder) to (?:self|myself))(?:\s+(?:for|to)\s+(?:me|us|everyone|all|the team))?(?:,?\s*(?:honestly|imo|i think|really|here),?)?\s*(?::|\bis(?: that)?\b|\bwas(?: that)?\b|[—–-]\s)`)
	// lkHindsightRE: a message opened by looking back ("In hindsight we shouldn't
	// deploy at 6:40", "looking back, the alert was too quiet"): a lesson unless
	// the writer puts the work on a list.
	lkHindsightRE = regexp.MustCompile(`^\W*(?:(?:and|so|but|ok|okay)\W+)?(?:in hindsight|with hindsight|in retrospect|looking back|with the benefit of hindsight)\b`)
	// lkOnUsRE: the writer puts the work on a list: a first-person promise or need.
	lkOnUsRE = regexp.MustCompile(`\b(?:we|i)\s+(?:really\s+)?(?:need to|must|have to|will|should|are going to|am going to)\b|\b(?:we'll|i'll|let'?s)\b`)
)

// fixInPlace reports a lasting fix labelled as such and reported in place: a
// past verb right after the label ("Permanent fix: reverted PR 618 and added the
// record back") or the change reported deployed ("Permanent fix: the limiter keys
// on the token again. Rolled out 10:40"), with nothing still to do.
func fixInPlace(low string) bool {
	if lkFixIsInRE.MatchString(low) && !lkStillToDoRE.MatchString(low) && !fuCommitRE.MatchString(lkFixIsInRE.ReplaceAllString(low, " ")) {
		return true // "#419 applied … plan is clean now, so the permanent fix is in"
	}
	m := lkFixLabelRE.FindStringSubmatch(low)
	if m == nil || lkStillToDoRE.MatchString(low) {
		return false
	}
	return lkPastLeadRE.MatchString(strings.TrimSpace(m[1])) || strings.Contains(m[0], "merged") || lkShippedRE.MatchString(low)
}

// lkFixIsInRE: the lasting fix reported in place by name ("so the permanent fix
// is in", "the proper fix is deployed").
var lkFixIsInRE = regexp.MustCompile(`\b(?:permanent|proper|real|long[- ]?term|actual) fix (?:is|'s|was) (?:now )?(?:in|done|live|deployed|merged|applied|out|shipped)\b`)

// lkOffsetRE: "in the future" as a clock's or a timestamp's offset ("iat is 4
// min in the future", "timestamps were in the future"), not "from now on".
var lkOffsetRE = regexp.MustCompile(`\b(?:(?:is|are|was|were|be|been|being)(?: \w+)?|\d+\s*(?:ms|s|sec\w*|min\w*|m|h|hours?|days?))\s+in the future\b`)

// timeOffsets blanks the offsets of low.
func timeOffsets(low string) string { return lkOffsetRE.ReplaceAllString(low, " ") }

// lkReportedAskRE: a question someone else asked, reported ("finance asked
// whether we'll do a manual run next time"), then answered no in the same
// message ("no: next time the alert fires first").
var lkReportedAskRE = regexp.MustCompile(`\b(?:asked|asks|wondered|wonders|wants to know|wanted to know)\s+(?:us\s+)?(?:whether|if)\b[^.!?]*[.!?]\s*no\b`)

// refusedAsk reports a reported question the writer answers no, or one the
// writer only reports ("someone asked if we should move to another library"):
// the idea is the asker's, and the writer neither takes nor backs it.
func refusedAsk(low string) bool {
	if lkReportedAskRE.MatchString(low) {
		return true
	}
	m := lkAskedIfRE.FindStringIndex(low)
	if m == nil {
		return false
	}
	rest := low[:m[0]] + " " + lkSentenceRestRE.ReplaceAllString(low[m[0]:], " ")
	return !fuCommitRE.MatchString(rest) && !proposalForm(rest, true)
}

var (
	// lkAskedIfRE: a question someone else asked, reported by its verb.
	lkAskedIfRE = regexp.MustCompile(`\b(?:asked|wondered|wanted to know|raised the question)\s+(?:us\s+|me\s+)?(?:whether|if)\b`)
	// lkSentenceRestRE: the rest of a sentence.
	lkSentenceRestRE = regexp.MustCompile(`^[^.!?]*[.!?]?`)
)

var (
	// lkPleaseEndRE: a clause that ends in "please" asks for what it names.
	lkPleaseEndRE = regexp.MustCompile(`\b(?:please|pls|plz)\s*(?:[,.;!]|$)`)
	// lkForbidRE: a request not to touch something ("nobody unpin it pls").
	lkForbidRE = regexp.MustCompile(`\b(?:nobody|no one|no-one|don'?t|do not|never|stop)\b`)
)

// pleaseAsks reports a sentence that asks, by its closing "please", for
// something lasting it names ("also alert at 80% of daily quota please"); a
// request to leave a thing alone asks for nothing new.
func pleaseAsks(low string) bool {
	for _, s := range followUpSentences(low) {
		if lkPleaseEndRE.MatchString(s) && fuLastingRE.MatchString(s) && !lkForbidRE.MatchString(s) {
			return true
		}
	}
	return false
}

// lkForwardHeadingRE: a heading that asks or says what comes next ("What we do
// next", "What's next", "Next"), the list of what the team will do.
var lkForwardHeadingRE = regexp.MustCompile(`^(?:what(?:'s| is)? (?:we (?:do|'ll do|will do|change)|comes|happens) next|what'?s next|next|up next)\b`)

// forwardHeading reports whether a section (or one of its parts) says what
// comes next.
func forwardHeading(section string) bool { return anyHeadingPart(section, lkForwardHeadingRE) }

// lkDayWordRE: the words of fuNowRE that name a day rather than the moment.
var lkDayWordRE = regexp.MustCompile(`\b(?:today|tonight|this (?:morning|afternoon|evening)|after lunch)\b`)

// dayWords blanks the day words of low.
func dayWords(low string) string { return lkDayWordRE.ReplaceAllString(low, " ") }

var (
	// lkTheirPromiseRE: a promise whose doer is another party: the writer's side
	// is what it gives to ("the laboratory will give us notice") or the work is
	// said to sit on the doer's side ("it is on their side").
	lkTheirPromiseRE = regexp.MustCompile(`\b(?:they|the [\w-]+(?: [\w-]+)?)\s+(?:(?:say|says|said)\s+(?:they\s+)?)?(?:will|'ll|are going to|is going to)\s+(?:\w+\s+){0,2}?us\b|\b(?:on|from) their (?:side|end)\b|` +
		// or reported to us as theirs ("the CDN provider has told us they will
		// publish a root cause").
		`\b(?:told|informed|promised|assured|notified)\s+us\s+(?:that\s+)?(?:they|it)\s+(?:will|'ll|would|are going to|is going to)\b|` +
		// or said to have promised ("Vendor promised to send release notes
		// earlier next time").
		`\b(?:they|vendors?|suppliers?|providers?|carriers?|partners?|support|manufacturers?|the [\w-]+(?: [\w-]+)?)\s+(?:has |have )?(?:promised|agreed|offered|undertook)\s+to\b`)
	// lkOwnPromiseRE: the writer or their team promises too.
	lkOwnPromiseRE = regexp.MustCompile(`\b(?:i|we|i'll|we'll|i'm|we're|let'?s)\b|\b(?:our|my|the) team\s+(?:will|'ll)\b`)
	// lkBareRefusalRE: "let's not" with nothing after it rejects what was
	// proposed before ("No, let's not, …"), and so does a bare "no" closing the
	// reasons against it ("pinning would have made today worse, every rotation
	// would need an app release. no"); "…, no?" asks instead.
	lkBareRefusalRE = regexp.MustCompile(`\blet'?s not\s*(?:[,.;:!]|$)|[.,;]\s*(?:no|nope|nah)[.!]*\s*$`)
)

// othersPromise reports a promise made by another party (a vendor, a lab, a
// provider) with no promise of the writer's own beside it.
func othersPromise(low string) bool {
	return lkTheirPromiseRE.MatchString(low) && !lkOwnPromiseRE.MatchString(lkTheirPromiseRE.ReplaceAllString(low, " "))
}

// oldItemRegret reports a message that quotes an item of an earlier list and says
// it was never done ("we wrote 'check DST' in the action items and nobody did
// it", "action item 'add search smoke tests' was never done"): a regret about old
// work, not a new item, unless the writer takes it on now.
func oldItemRegret(low string) bool {
	if !lkAnyQuoteRE.MatchString(low) {
		return false
	}
	rest := lkAnyQuoteRE.ReplaceAllString(low, " ")
	return lkNeverDoneRE.MatchString(rest) && !fuCommitRE.MatchString(rest)
}

var (
	// lkAnyQuoteRE: a quoted passage of any length (single quotes open after a
	// space and close before one, so an apostrophe opens none).
	lkAnyQuoteRE = regexp.MustCompile(`"[^"]+"|“[^”]+”|‘[^’]+’|(?:^|\s)'[^'\s][^']*?'(?:\s|$|[.,;:!?])`)
	// lkNeverDoneRE: work said never to have been done.
	lkNeverDoneRE = regexp.MustCompile(`\b(?:never (?:did|done|happened|got done|got (?:picked up|implemented|finished)|implemented|finished|followed up|delivered)|(?:was|were|got) never (?:done|implemented|finished|picked up|followed up|delivered|started)|(?:nobody|no one|no-one) (?:ever )?(?:did|picked (?:it|that|them) up|followed up|owned)|(?:still|never) not done)\b`)
)

// inquiry reports a message whose proposal is to find something out ("ask the
// switch vendor why the upgrade resets the config", "ask upstream whether the link
// is fixed", "do we know if the vendor keeps a copy?"): a question for someone,
// which changes nothing, unless it also names something lasting to build.
func inquiry(low string) bool {
	return lkInquiryRE.MatchString(low) && !fuStrongLastingRE.MatchString(lkInquiryRE.ReplaceAllString(low, " "))
}

// factQuestion reports a message whose proposing sentences all ask whether
// something is or was so: a negative question about a state or an event
// ("wasn't there a pg failover drill for paytix this week?") or a statement
// put back for confirmation ("so /healthz/ready now calls out to the processor
// on every probe?"). Such a question checks a fact; the lasting things it
// names (a drill, a probe) are what it asks about, not work it proposes.
func factQuestion(low string) bool {
	found := false
	for _, s := range followUpSentences(low) {
		if lkFactQuestionRE.MatchString(s) {
			found = true
			continue
		}
		if proposalForm(s, true) {
			return false
		}
	}
	return found
}

// lkFactQuestionRE: a sentence asking whether something is or was so.
var lkFactQuestionRE = regexp.MustCompile(`^\W*(?:(?:hm+|ok|okay|and|but)[,.]?\s+)?(?:(?:wasn'?t|weren'?t|isn'?t|aren'?t|didn'?t|hasn'?t|haven'?t|doesn'?t) (?:there|it|this|that|they|he|she)\b|so (?:the |our |this |that )?[\w./-]+ (?:now|already|still|just) [a-z]+s\b)[^?]*\?\W*$`)

// infoQuestion reports a message that opens by asking for a fact ("how many
// sites? ravi needs to know", "what exactly was visible?", "why did the canary
// pass?"), whether something is owed ("do we need to report this to patient
// safety?", "do we owe the council a report?") or for leave to tell someone
// something ("can i tell the station manager its fixed?"): it asks, and proposes
// nothing, unless it goes on to name lasting work. The forms that propose by
// asking ("what about capping the pool?", "what if …", "why not …", "why don't
// we …", "how about …") are no such question, nor is leave asked for the team
// ("should we tell support earlier next time?"). Across the labelled channels no
// follow-up opens this way. Unlike inquiry, which finds a question for someone
// anywhere in a message and weighs what is left, it reads only how the message
// opens, and the whole message for lasting work.
func infoQuestion(low string) bool {
	if lkProposeByAskingRE.MatchString(low) {
		return false
	}
	return (lkInfoQuestionRE.MatchString(low) || lkLeaveToTellRE.MatchString(low)) && !fuStrongLastingRE.MatchString(low)
}

// foundIt reports a message that opens by announcing a finding ("think I've
// got it. pg_wal is 288GB", "think I've got it. with weasyprint 63 our code
// builds …"): the diagnosis, not "I've got it" taking work on.
func foundIt(low string) bool { return lkFoundItRE.MatchString(low) }

var lkFoundItRE = regexp.MustCompile(`^\W*(?:(?:ok|okay|so)[,.]?\s+)?(?:i\s+)?think i'?ve (?:got|found) it\b`)

// handOver reports a message that opens (after the name of whom it asks) by
// asking to be sent something that exists ("gethin can you send me the list of
// the 118 for the audit file? just today's"): an errand, whatever the thing is
// for, so the lasting words of its purpose ("audit") make no work of it. No
// labelled follow-up opens this way.
func handOver(low string) bool { return lkHandOverRE.MatchString(low) }

// lkHandOverRE: "can you send / share / forward / paste me …".
var lkHandOverRE = regexp.MustCompile(`^\W*(?:@?[\w.-]+[,:]?\s+)?(?:can|could|would) you (?:pls |please )?(?:send|share|forward|dm|paste|mail|email) (?:me|us)\b`)

var (
	// lkInfoQuestionRE: a message opening (after a filler or two) with a question
	// for a fact or for whether something is owed.
	lkInfoQuestionRE = regexp.MustCompile(`^\W*(?:(?:ok|okay|so|and|also|but|q|question|quick q)[,:]?\s+)?(?:what|why|how (?:many|much|long)|do we (?:even )?(?:need to|have to|owe)|are we (?:required|obliged|supposed) to)\b[^?]*\?` +
		// or asking for the figures of the incident ("can someone give me rough
		// numbers on affected returns for my weekly report?").
		`|^\W*(?:(?:ok|okay|so|and|also)[,.]?\s+)?(?:(?:can|could)\s+)?(?:someone|somebody|anyone|you|u)\s+(?:give|send|get|pull|share)\s+(?:me|us)\s+(?:(?:the|some|rough|a|final)\s+)*(?:numbers|figures|stats|counts?|totals?)\b`)
	// lkLeaveToTellRE: a message opening with the speaker's own leave to tell.
	lkLeaveToTellRE = regexp.MustCompile(`^\W*(?:(?:ok|okay|so|and|also)[,:]?\s+)?(?:can|could|may|should) i (?:tell|say|let|inform|update|confirm)\b[^?]*\?`)
	// lkProposeByAskingRE: the questions that propose.
	lkProposeByAskingRE = regexp.MustCompile(`^\W*(?:(?:ok|okay|so|and|also|but)[,:]?\s+)?(?:what about|what if|why not|why (?:don'?t|do not|wouldn'?t|can'?t) we|how about)\b`)
)

// planAsked reports a message that asks what will be done so the incident does
// not come back ("what do we do so it does not repeat?", "what do we need so
// this doesn't bite again", "how do we find out before a customer does next
// time?", "so this will not happen on the 27th?", "what's the plan so this
// doesn't come back tonight?", "what has to change so a config push can't do
// this again?", "What do we want so this cant happen on the next rollover?"): it asks
// for a plan and proposes none, unless it goes on to name lasting work.
func planAsked(low string) bool {
	return lkPlanAskedRE.MatchString(low) && !fuStrongLastingRE.MatchString(lkPlanAskedRE.ReplaceAllString(low, " "))
}

// immediateAsk reports a request for something to be done now about the incident's
// own victims or data ("@mateo can you give priority to the tokens that got
// rejected in the last 30 min?", "please re-send them asap"): a step of the
// response, not lasting work, unless the rest names some.
func immediateAsk(low string) bool {
	return lkAskRE.MatchString(low) && lkImmediateRE.MatchString(low) && !fuStrongLastingRE.MatchString(lkImmediateRE.ReplaceAllString(low, " "))
}

var (
	// lkAskRE: a request put to someone.
	lkAskRE = regexp.MustCompile(`\b(?:can|could|would) (?:you|u|someone|somebody)\b|\bplease\b|\bpls\b`)
	// lkImmediateRE: the time of a request that is now: the last minutes, asap,
	// a clock time ("can someone send me the lot list before 8am").
	lkImmediateRE = regexp.MustCompile(`\bin the last \d+ ?(?:min|mins|minutes|hours?|h)\b|\bfor now\b|\basap\b|\bimmediately\b|\bright away\b|\b(?:before|by) \d{1,2}(?::\d\d)? ?(?:am|pm)\b`)
)

// lkPlanAskedRE: a question about the plan against a repeat, to the end of its
// sentence.
var lkPlanAskedRE = regexp.MustCompile(`\b(?:what (?:do|will|should|can|are) we (?:do|doing|going to do|need|change)|what'?s the plan|how (?:do|can|could|will) we (?:make sure|prevent|avoid|stop|find out|catch|notice|know|detect|spot|learn|hear)|will (?:this|it) happen again|(?:this|it) (?:will not|won'?t|doesn'?t|does not|never) (?:happen|repeat|come back))\b[^.?!]*[.?!]*|\bwhat (?:has|have|needs?) to (?:change|happen|be done)[^.?!]*\?|\bwhat (?:do|would|should) we want[^.?!]*\?`)

// lkInquiryRE: asking someone why, whether or how, whether we know, or whether
// someone must be told ("do we have to notify the regulator?").
var lkInquiryRE = regexp.MustCompile(`\b(?:ask|check with|find out|confirm with|clarify with)\s+(?:[\w'-]+\s+){0,4}?(?:why|whether|if|how)\b[^.?!,;]*|\bdo (?:we|you|they) (?:know|have any idea) (?:if|whether|why|how|what)\b[^.?!,;]*|\bdo (?:we|i|you) (?:have|need) to (?:notify|inform|tell|report to|contact|call|email|warn)\b[^.?!,;]*`)

// planOfOld reports a plan told as it stood before ("the remaining printers were
// going to be upgraded this quarter anyway"): narration of an existing plan, not a
// new commitment, unless the writer commits or proposes besides.
func planOfOld(low string) bool {
	if !lkWasGoingRE.MatchString(low) {
		return false
	}
	rest := lkWasGoingRE.ReplaceAllString(low, " ")
	return !fuCommitRE.MatchString(rest) && !proposalForm(rest, true)
}

// lkWasGoingRE: a plan in the past's future.
var lkWasGoingRE = regexp.MustCompile(`\b(?:was|were)\s+(?:already\s+|always\s+)?(?:going to|gonna|supposed to|planned to|planning to|meant to|scheduled to|due to be)\b`)

// alreadyThere reports a message that says the thing it names is already in place
// ("3/ QC gate: block release when unassigned reads > 10% — already exists, it
// did its job today"), with no commitment besides.
func alreadyThere(low string) bool {
	return lkAlreadyRE.MatchString(low) && !fuCommitRE.MatchString(lkAlreadyRE.ReplaceAllString(low, " "))
}

// lkAlreadyRE: a thing said to exist or be in place already.
// A proposal its speaker answers in the same breath ("should intake get a … alert?
// oh wait we have one, it's what paged") names a thing that exists.
var lkAlreadyRE = regexp.MustCompile(`\balready (?:exists?|existed|in place|implemented|covered|live|shipped|there|done|fixed|merged|deployed|rolled out)\b|\bwait,? we (?:already )?(?:have|got) (?:one|it|that|this)\b|\bwe already (?:have|got) (?:one|it|that|this)\b`)

// othersDecide reports a message that leaves the decision to another party ("…
// I will raise it with the platform team in our sync; their call"): passing the
// idea on, with nobody here committed to the work.
func othersDecide(low string) bool { return lkTheirCallRE.MatchString(low) }

// lkTheirCallRE: the decision named as another party's, or left open for
// someone to make ("store operations will decide whether this is feasible").
var lkTheirCallRE = regexp.MustCompile(`(?:[;,.:]\s*|\b(?:it|that|this)(?:'s| is)\s+)(?:their|the vendor'?s|the customer'?s|(?:an?|the) \w+) (?:call|decision)\s*(?:[.!;]|$)|\bwill (?:decide|judge|see) (?:whether|if) (?:this|that|it)(?:'s| is)? (?:feasible|worth it|needed|worthwhile|possible)\b`)

// fieldLead reports a message opened by a summary field's label ("Impact: …",
// "Root cause: …"): it states a fact of the incident for the record, not work to
// come.
func fieldLead(low string) bool { return lkFieldLeadRE.MatchString(low) }

// lkFieldLeadRE: a summary field's label opening a message.
// "For the record, …" opens a statement made for the record in the same way.
var lkFieldLeadRE = regexp.MustCompile(`^\W*(?:customer |business |user )?(?:impact|root[- ]cause|trigger|detection|timeline|summary|status update)(?: for the record| so far)?\s*:|^\W*(?:so |and |also |just )?for the record\b`)

// expectation reports a message that says how things should stand soon ("lag
// should be 0 by 18:45", "should be back to normal in 10 min"): a forecast of the
// response, not an obligation, when it names nothing lasting.
func expectation(low string) bool {
	return lkExpectRE.MatchString(low) && !fuLastingRE.MatchString(lkExpectRE.ReplaceAllString(low, " "))
}

// lkExpectRE: a state expected soon.
var lkExpectRE = regexp.MustCompile(`\b(?:should|will|'ll)\s+be\s+(?:back(?: to normal)?|fine|ok|okay|normal|done|green|clear|drained|caught up|stable|healthy|\d[\d.,%]*)\b[^.!?]*`)

// effectOfStep reports a message that reports a step just taken and says what
// things should do now ("drained. codes minted from now on should scan", "on the
// origin I set no-store, so even if a CDN has a default it should not keep it"):
// the effect the step should have, not work still to do. Every "should" must have
// a thing for its subject and stand in a message opened by the report of the step,
// or in a clause of consequence ("so … should"); "someone should…", "we need…" or
// a fix proposed beside the step are still proposals.
func effectOfStep(low string, t msgTags) bool {
	if !t.taken || !fuShouldRE.MatchString(low) || fuSuggestRE.MatchString(low) || fuRealFixRE.MatchString(low) {
		return false
	}
	sents := followUpSentences(low)
	if len(sents) == 0 {
		return false
	}
	// The opening sentence must itself report a step of the response ("drained."),
	// not any past tense ("we burned the first 5 min guessing. flag changes should
	// post into #deploys" still proposes).
	first := strings.TrimSpace(sents[0])
	doneFirst := lkPastLeadRE.MatchString(first) && textTags(copilot.Message{Text: first}).taken
	for _, sent := range sents {
		if !fuShouldRE.MatchString(sent) {
			continue
		}
		for _, m := range lkShouldSubjectRE.FindAllStringSubmatch(sent, -1) {
			if personalSubject[m[1]] || lkPersonSubject[m[1]] {
				return false
			}
		}
		if !doneFirst && !lkSoShouldRE.MatchString(sent) {
			return false
		}
	}
	return true
}

var (
	// lkShouldSubjectRE: the word before "should" (group 1).
	lkShouldSubjectRE = regexp.MustCompile(`([\w']+)\s+should\b`)
	// lkPersonSubject: the subjects beside personalSubject that name people.
	lkPersonSubject = toSet(`someone somebody team`)
	// lkSoShouldRE: a clause of consequence that says what should follow.
	lkSoShouldRE = regexp.MustCompile(`\bso\b(?: that)?[^.!?;]*\bshould\b`)
)

// vendorCase reports a support case opened with another party during the
// response ("I open ticket with them", "raised a P1 case with AWS"): asking for
// help, not a piece of lasting work.
func vendorCase(low string) bool {
	return lkVendorCaseRE.MatchString(low) && !fuStrongLastingRE.MatchString(lkVendorCaseRE.ReplaceAllString(low, " "))
}

// lkVendorCaseRE: a ticket or case opened with someone, or a support case.
var lkVendorCaseRE = regexp.MustCompile(`\b(?:open|opened|opening|raise|raised|raising|file|filed|filing|log|logged)\s+(?:a\s+|an\s+)?(?:p[1-4]\s+|sev\s?[1-4]\s+|urgent\s+)?(?:support\s+)?(?:ticket|case)\s+with\b|\bsupport (?:ticket|case)\b`)

// followUpLike reports a sentence that proposes or promises lasting work by the
// follow-up grammar: a proposal, a commitment or a to-do marker beside something
// meant to last.
func followUpLike(low string) bool {
	return (proposalForm(low, true) || fuCommitRE.MatchString(low) || fuMarkerRE.MatchString(low)) && fuLastingRE.MatchString(low)
}

// bareRefusal reports a message that declines what was proposed.
func bareRefusal(low string) bool {
	return lkBareRefusalRE.MatchString(low) || refusesOnly(low) || letsNotOnly(low)
}

// letsNotOnly reports a message whose only proposal is a "let's not" clause ("the
// exporter is the fix, let's not do both") or advice against the work ("… I
// would suggest we do not produce one"): with the clause taken out nothing is
// proposed, promised or marked, so it turns the idea down wherever in the
// sentence the refusal stands.
func letsNotOnly(low string) bool {
	if !lkLetsNotClauseRE.MatchString(low) {
		return false
	}
	rest := lkLetsNotClauseRE.ReplaceAllString(low, " ")
	return !proposalForm(rest, true) && !fuCommitRE.MatchString(rest) && !fuMarkerRE.MatchString(rest) && !sentencePromise(rest)
}

// lkLetsNotClauseRE: a clause that turns something down with "let's not", or
// advises against it ("I would suggest we do not produce one", "I'd recommend
// against a second pipeline"), up to the end of its clause.
var lkLetsNotClauseRE = regexp.MustCompile(`(?:^|[,;:—–-]\s*|\b(?:so|then|and|but|ok|okay)\s+)let'?s not\b[^.,;!?]*|\b(?:i(?:'d| would)?\s+)?(?:suggest|recommend|propose|advise)\s+(?:that\s+)?we\s+(?:do not|don'?t|not|shouldn'?t|should not|never)\b[^.,;!?]*|\b(?:i(?:'d| would)?\s+)?(?:recommend|advise|argue)\s+against\b[^.,;!?]*`)

// refusesOnly reports a message whose every sentence asks or turns something
// down with "let's not" ("ravi thats basically the alert in 2) no? let's not
// build two things"), or whose every sentence turns something down ("I'd say
// no, it's a one-off."): it refuses, whatever the refusal names.
func refusesOnly(low string) bool {
	not, refused, asked := false, false, false
	for _, s := range splitSentences(low) {
		s = strings.TrimSpace(s)
		switch {
		case lkLetsNotRE.MatchString(s):
			not = true
		case rejects(s):
			refused = true
		case strings.HasSuffix(s, "?"):
			asked = true
		default:
			return false
		}
	}
	// "I'd say no, it's a one-off. let's not build tooling for it" refuses;
	// "should they expire at all? I'd say no. Sasha, can you write it up?"
	// answers its own question and asks for the work.
	return not || refused && !asked
}

// lkLetsNotRE: a sentence that opens by turning something down.
var lkLetsNotRE = regexp.MustCompile(`^\W*(?:(?:ok|okay|so|then|no|nah|and)[,.]?\s+)?let'?s not\b`)

var (
	// lkNoActionRE: an entry that says nothing is left to do ("closed in
	// September, no further action").
	lkNoActionRE = regexp.MustCompile(`\bno (?:further|more) (?:action|work)s?\b|\bnothing (?:further|more|left) to do\b|\b(?:do not|don'?t|does not|doesn'?t|need not) (?:need to )?do anything\b|\bno action (?:is )?(?:needed|required)\b`)
	// lkPrevItemRE: a note that speaks of the entry before it ("the last item",
	// "the item above").
	lkPrevItemRE = regexp.MustCompile(`\b(?:the )?(?:last|previous|preceding|above|final) (?:item|entry|action|row|one)\b|\b(?:item|entry|row) above\b`)
	// lkQuotedLeadRE: an entry that opens with a quoted item ("\"Document the
	// restore procedure\" (INC-2977) — still open"): it cites an item of another
	// list by its title.
	lkQuotedLeadRE = regexp.MustCompile(`^[\s\-*+\d.)\[\]x]*(?:"[^"]+"|“[^”]+”)`)
)

// nothingToDo reports an entry that says no action is left.
func nothingToDo(low string) bool { return lkNoActionRE.MatchString(low) }

// doneByNote reports whether the note right after an entry, in its section,
// says the entry before it was done ("The last item was done during the
// incident and is listed for completeness").
func doneByNote(lc *incidentLifecycle, t msgTags) bool {
	n := t.idx + 1
	if n >= len(lc.msgs) || lc.msgs[n].section != t.section {
		return false
	}
	low := lc.msgs[n].lower
	return lkPrevItemRE.MatchString(low) && (lkDoneDuringRE.MatchString(low) || lkDoneStatusRE.MatchString(lc.msgs[n].msg.Text))
}

// citedItem reports an entry that opens with a quoted item title and orders
// nothing outside the quote.
func citedItem(raw string) bool {
	return lkQuotedLeadRE.MatchString(raw) && !isImperative(unquoted(strings.TrimLeft(raw, " -*+")))
}

// stopTheBleeding reports a call to contain the damage now ("we do need to stop
// the bleeding", "we must stop the damage first"): the response's next step, which
// DOMAIN.md counts as mitigation, not an improvement to outlive the incident. A
// need to keep it from coming back ("stop the errors from recurring") looks ahead.
func stopTheBleeding(low string) bool {
	return (lkStopBleedingRE.MatchString(low) || lkHeldOpenRE.MatchString(low)) && !lkRecurRE.MatchString(low)
}

// lkHeldOpenRE: the incident held open until something is done ("NOT closing
// yet - … probe needs fixing first"): what it waits for is the repair of this
// incident, not work for after it.
var lkHeldOpenRE = regexp.MustCompile(`\bnot (?:closing|resolving) (?:it |this |the incident )?yet\b`)

var (
	lkStopBleedingRE = regexp.MustCompile(`\b(?:need to|needs to|must|have to|let'?s|got to|gotta)\s+(?:\w+\s+)?(?:stop|contain|halt|limit)\s+(?:the\s+)?(?:bleeding|damage|blast radius)\b`)
	lkRecurRE        = regexp.MustCompile(`\b(?:recurring|happening again|from recurring|next time|in (?:the )?future|ever again)\b`)
)

// doneList reports an entry of a report's list whose lead-in line says the list
// is already done ("Already done during the incident, not tracked as actions:",
// "Completed so far:"): the entries under it narrate, in whatever grammar.
func doneList(lc *incidentLifecycle, t msgTags) bool {
	for i := t.idx - 1; i >= 0 && i >= t.idx-12; i-- {
		m := lc.msgs[i]
		if m.section != t.section {
			return false
		}
		lead := strings.TrimSpace(m.lower)
		if strings.HasSuffix(lead, ":") {
			return lkDoneLeadRE.MatchString(lead) && !lkNotDoneLeadRE.MatchString(lead)
		}
	}
	return false
}

// lkDoneWords: the words that call something done.
const lkDoneWords = `(?:done|completed|complete|finished|fixed|in place|shipped|resolved|closed)`

var (
	// lkDoneLeadRE: a lead-in that calls what follows done.
	lkDoneLeadRE = regexp.MustCompile(`\b` + lkDoneWords + `\b`)
	// lkNotDoneLeadRE: one that calls it still to do ("Not yet done:", "To be
	// completed after the migration:"); "done, not tracked as actions" is done.
	lkNotDoneLeadRE = regexp.MustCompile(`\b(?:not|to be|yet|still|remaining|left|will|must|should|needs?|once|after|when|until|if)\b(?:\s+[\w-]+){0,2}\s+` + lkDoneWords + `\b`)
)

// watchOnly reports a promise to watch and raise the alarm oneself ("ill keep
// the map tab open and shout if it goes blank", "I'll stay on the graphs, ping
// you if it climbs"): a person on watch for the next hours, not a lasting
// change, unless the same message makes something.
func watchOnly(low string) bool {
	if !lkShoutIfRE.MatchString(low) || !lkKeepWatchRE.MatchString(low) || fuStrongLastingRE.MatchString(low) {
		return false
	}
	rest := lkShoutIfRE.ReplaceAllString(lkKeepWatchRE.ReplaceAllString(low, " "), " ")
	return !fuMakeRE.MatchString(rest)
}

// leftoverOnly reports a promise to clean up what a test or an experiment left
// behind ("I will clean the old replicaset and the Pending pods from my scaling
// test"): a chore of the hours after, not an improvement. A lasting word that
// only says where the leftovers came from ("from my scaling test") names nothing
// to make. Removing an old thing that still does harm ("I'll remove the old
// cert-expiry cron, it mails to a dead list") says no test it came from, and stays.
func leftoverOnly(low string) bool {
	if !lkLeftoverRE.MatchString(low) || !lkFromWhereRE.MatchString(low) {
		return false
	}
	rest := lkFromWhereRE.ReplaceAllString(lkLeftoverRE.ReplaceAllString(low, " "), " ")
	return !fuStrongLastingRE.MatchString(rest) && !fuMakeRE.MatchString(rest)
}

var (
	// lkLeftoverRE: removing what was left behind ("clean the old replicaset",
	// "delete the stale pods", "remove the temporary rule").
	lkLeftoverRE = regexp.MustCompile(`\b(?:clean(?:\s+up)?|cleanup|delete|remove|drop|tidy(?:\s+up)?|purge)\s+(?:up\s+)?(?:the\s+|my\s+|our\s+|all\s+(?:the\s+)?)?(?:old|leftover|left-over|stale|orphan(?:ed)?|dangling|pending|temporary|temp|test)\b[^.!?;]*`)
	// lkFromWhereRE: where the leftovers came from ("from my scaling test").
	lkFromWhereRE = regexp.MustCompile(`\b(?:from|of|after)\s+(?:my|our|the|yesterday'?s|today'?s|this morning'?s|last night'?s)\s+(?:[\w-]+\s+){0,2}?(?:test|tests|testing|experiment|trial|drill|run|load test)\b`)
)

var (
	// lkShoutIfRE: raising the alarm in person when something happens.
	lkShoutIfRE = regexp.MustCompile(`\b(?:shout|yell|holler|scream|ping (?:you|u|us|the channel|here)|let (?:you|u|us|everyone|the channel) know|tell (?:you|u|us))\s+(?:if|when|once|as soon as)\b[^.!?]*`)
	// lkKeepWatchRE: staying in front of something ("keep the map tab open",
	// "stay on the graphs", "keep watching").
	lkKeepWatchRE = regexp.MustCompile(`\b(?:keep|keeping|leave|leaving)\s+(?:the |a |an |my |our |this |that )?(?:[\w-]+\s+){0,3}?(?:open|up|on screen|running)\b|\b(?:keep|keeping)\s+(?:an eye|watch|watching|monitoring)\b|\b(?:stay|staying)\s+on\s+(?:the |it|this|that)|\bwatch(?:ing)?\b`)
)

// lookOnly reports a message whose promise is a look ("… shouldn't affect PUTs.
// I'll check the bucket policy to be sure", "I'll look at the thread dump") with
// no date: triage, however late it is said. Over dev2-dev33, 14 such messages were
// labelled look-alikes and one a follow-up, the one with a date ("… next
// sprint").
func lookOnly(low, raw string, t msgTags) bool {
	// "and why didn't the disk alert fire at 80%? looking": the speaker goes to
	// find out.
	if lkLookTailRE.MatchString(low) {
		return true
	}
	if !strings.Contains(low, "ll ") {
		return false // no "I'll", no look promised
	}
	look := false
	for _, sent := range splitSentences(raw) {
		sl := lowerClean(sent)
		// "I'll check use1 and staging for the same /24 setup": a look at the
		// other places for the same flaw is an audit, work of its own.
		if lkLookLeadRE.MatchString(sl) && !lkSameFlawRE.MatchString(sl) {
			look = true
			continue
		}
		// Another sentence that promises or proposes is an item of its own; one
		// that expects no effect ("shouldn't affect PUTs") proposes nothing.
		if fuCommitRE.MatchString(sl) || (fuShouldRE.MatchString(sl) && !lkNoEffectRE.MatchString(sl)) || fuNextTimeRE.MatchString(sl) {
			return false
		}
	}
	if !look {
		return false
	}
	words, _ := findDue(raw, t.msg.Time(), true)
	return words == ""
}

// lkSameFlawRE: looking elsewhere for the flaw just found ("for the same
// pattern", "for the same /24 setup", "for similar configs").
var lkSameFlawRE = regexp.MustCompile(`\bfor (?:the same|similar)\b`)

// lkLookTailRE: a question the speaker closes by going to look.
var lkLookTailRE = regexp.MustCompile(`\?\s*(?:looking|checking|digging|investigating)(?: (?:now|into it))?\W*$`)

// lkNoEffectRE: an expectation that something has no effect, not a proposal,
// or a bare "shouldn't have" answering whether harm was done ("shouldn't have,
// failed saves returned an error").
var lkNoEffectRE = regexp.MustCompile(`\bshouldn'?t (?:affect|matter|impact|touch|break|change|hurt)\b|^\W*shouldn'?t(?:'ve| have)?\s*(?:[,.;:!]|$)`)

// lkLookLeadRE: a sentence opening with the speaker's promise to look.
var lkLookLeadRE = regexp.MustCompile(`^\W*(?:and |also |ok,? )?i'?ll (?:also )?(?:check|look at|look into|have a look|verify|confirm|double-check)\b`)

// temporaryMeasure reports a step kept only until something else ("we will
// continue to accept filings by email until Friday", "we will keep the manual
// check this weekend, until the constraint is live"): a stopgap with its end
// named, not an improvement meant to outlive the incident.
func temporaryMeasure(low string) bool { return lkUntilRE.MatchString(low) }

// lkUntilRE: keeping or continuing something until a time or a condition.
var lkUntilRE = regexp.MustCompile(`\b(?:continue to|continue|keep|keeping|leave|leaving|stay on|run)\b[^.!?]{0,100}?\buntil\b|\b(?:keep|keeping|leave|leaving|stay on|continue)\b[^.!?]{0,100}?\b(?:through|over|for) (?:the |this )?(?:weekend|night|tonight|rest of)\b`)

// reportMeta reports a sentence about the report or the channel's own talk ("we
// want to explain what went wrong, and what we will change", "I need an update
// for the gate staff"): it announces or asks for words, not work.
func reportMeta(low string) bool { return lkReportMetaRE.MatchString(low) }

// lkReportMetaRE: explaining what happened, or an update asked for someone.
var lkReportMetaRE = regexp.MustCompile(`\b(?:record|capture|collect|list|write down|write up|go through|go over|run through) (?:the |our |some )?(?:action items|follow-?ups|next steps)\b|\b(?:check|follow up|report back) on (?:these|those|the|our|all) (?:actions|action items|follow-?ups)\b|\b(?:review|revisit|track|discuss|prioriti[sz]e)\w* (?:of )?(?:the )?(?:progress (?:of|on) )?(?:(?:these|those|the above) (?:\w+ )?(?:actions|action items|follow-?ups|items|next steps)|(?:all|our|the) (?:open |remaining )?(?:actions|action items|follow-?ups|next steps))\b|\b(?:keep|continue|continuing) (?:to )?(?:watch|watching|monitor|monitoring|an eye on)\b[^.!?]*\b(?:coming|next|following) (?:days|hours|weeks)\b|\b(?:explains?|describes?|shares?|tell you|walk (?:you )?through)\b[^.!?]{0,30}\bwhat (?:went wrong|happened|we (?:will|are going to|'ll) (?:change|do)|we(?:'re| are) (?:changing|doing))\b|\b(?:need|want|get|give|send|post)\w* (?:me |us )?(?:an? )?(?:status |quick |short )?update (?:for|to)\b` +
	// The follow-ups asked to be ticketed, whatever they will be ("wrap-up,
	// follow-ups please, ticket them if you can").
	`|\b(?:follow-?ups|action items|next steps)\b[^.!?]{0,30}?\b(?:ticket|file|log|raise|jira)\s+(?:them|these|those|each|all)\b` +
	// The numbers asked for a report ("impact numbers please, for the ops report").
	`|\b(?:impact |final |the )?(?:numbers|figures|stats)\s*,?\s*(?:please|pls|plz)\b|\b(?:numbers|figures|stats),? for (?:the |our )?(?:ops |incident |status |weekly |board )?(?:report|update|postmortem|comms|pack)\b` +
	// The report's own review: who reviewed it, when its actions are next
	// reviewed, how long it stays open ("Reviewed by the head of operations on 27
	// January", "Next review of open actions: governance meeting, 5 March").
	`|^\W*(?:reviewed|approved|signed off)(?: and (?:approved|signed off))? by\b|^\W*(?:the )?next review\b|\b(?:this|the) (?:8d|report|review|post-?mortem|pir|rca)\b[^.!?]{0,20}\b(?:stays|remains|is kept) open until\b` +
	// The report's own actions named by their numbers ("Action 4 and 6 have no
	// ticket yet; Sanne will bring them to planning"): the list's bookkeeping.
	`|^\W*(?:action items?|actions?|items?|ais?)\s+#?\d{1,2}(?:\s*(?:,|and|&|-|–|to)\s*#?\d{1,2})*\s+(?:has|have|is|are|was|were|still|will|need|needs|get|gets|go|goes)\b`)

// statusUpdate reports a chat message that declares where the incident stands:
// "mitigated 08:29, staying in monitoring", "Status: MITIGATED 14:08 by …",
// "Summary 15:02 - Resolved. …", "maya, status to Monitoring please". It is the
// status line responders post for the channel and the status page, whatever it
// names beside it (the fix that is in, what comes next, who updates the page).
// A follow-up list it carries is led by its own marker ("Resolved. Follow-ups:
// …"), which callers check first, and lasting work named beside the state
// ("we should alert on pool saturation. resolved") keeps the message a proposal;
// a pointer to the list ("… and follow-ups below") is none.
func statusUpdate(low string) bool {
	if !lkStatusRE.MatchString(low) {
		return false
	}
	rest := lkListPointerRE.ReplaceAllString(lkStatusRE.ReplaceAllString(low, " "), " ")
	return !fuStrongLastingRE.MatchString(rest)
}

// pointsToList reports whether every follow-up marker of low only points to a
// list given elsewhere ("Permanent fix (cert-manager) and follow-ups below",
// "follow-ups in thread pls"): a status line that says so carries no item itself.
func pointsToList(low string) bool {
	return lkListPointerRE.MatchString(low) && !fuMarkerRE.MatchString(lkListPointerRE.ReplaceAllString(low, " "))
}

// lkListPointerRE: a marker of follow-ups, with what it is about in brackets and
// a second marker joined by "and", pointing below, to a thread or to later.
var lkListPointerRE = regexp.MustCompile(`\b(?:follow[- ]?ups?|action items?|next steps|todos?|(?:permanent|long[- ]term) fix)(?:\s*\([^)]*\))?(?:\s+(?:and|\+|&)\s+(?:follow[- ]?ups?|action items?|next steps|todos?))?\s+(?:below|in (?:the |a |this )?thread|to follow|later|tomorrow|after)\b`)

// lkStatusRE: a state of the incident declared as such: the state word opening
// the message, a line or a sentence (after at most one word of reply, "agreed.
// mitigated …") and followed by its time or the end of its clause; "status: …";
// the incident staying in or moved to monitoring. A state inside a sentence
// ("once the queue is resolved, …") is not a declaration.
var lkStatusRE = regexp.MustCompile(`(?m)(?:^\W*(?:\w+[.,!]\s+)?|[.!;:—–-]\s+)(?:mitigated|resolved|recovered|all clear)\b\s*(?:(?:as of|at|since)\s+)?(?:\d{1,2}:\d{2}|[.,!;(—–-]|$)` +
	`|\bstatus\s*(?:\d{1,2}:\d{2}\s*)?[:=—–-]?\s*(?:mitigated|resolved|monitoring|recovered)\b` +
	`|\b(?:staying|stays|stay|remains?|status|move \w+(?: \w+)? to) (?:in |to )?monitoring\b`)

// onlyTells reports a message whose only commitment is to tell people something
// ("so cert build still on track for tomorrow. I'll tell Tomasz", "yes noor tell
// them not to re-buy", "approving a flat €15 … bea pls tell them"): passing the
// word on is the incident's communication, not lasting work. A message that
// names lasting work or commits to something else beside it keeps its
// candidacy ("I'll tell the vendor and add an alert on …").
func onlyTells(low string) bool {
	if !lkTellRE.MatchString(low) {
		return false
	}
	if fuStrongLastingRE.MatchString(low) {
		return false
	}
	rest := lkTellRE.ReplaceAllString(low, " ")
	return !fuCommitRE.MatchString(rest) && !fuSelfRE.MatchString(rest) && !fuAskRE.MatchString(rest)
}

// lkTellRE: a promise or a request to tell, inform, let someone know or update
// a meeting or an audience ("i'll update the 8am ops call"), from its
// lead ("I'll", "pls", "can you", or a name before "tell them") to the end of its
// clause.
var lkTellRE = regexp.MustCompile(`\b(?:(?:i'?ll|i will|will|i can|pls|please|can you|could you)\s+(?:just |also |personally )?(?:tell|inform|let (?:[\w.-]+ ){1,3}know|update (?:the |our |my )?(?:[\w-]+ ){0,2}(?:call|standup|stand-up|meeting|bridge|channel|thread|stakeholders|leadership|execs?|customers?|clients?|partners?|managers?|war ?room|huddle))|[\w.-]+,? tell (?:them|him|her|everyone|people))\b[^.!?;]*`)

// reviewVerdict reports a message that opens with a reviewer's verdict on a change
// ("Approved. Run it once against staging with a negative id seeded before you
// ship, please.", "reviewed + approved, ship it after lunch"): what follows are the
// conditions of that review, not work that outlives the incident. Over the dev sets
// the 17 messages that open so are none of them follow-ups.
func reviewVerdict(low string) bool { return lkReviewVerdictRE.MatchString(low) }

var lkReviewVerdictRE = regexp.MustCompile(`^\W*(?:approved|lgtm|looks good to me|reviewed(?: (?:\+|and) approved)?)\s*[.,!:;]`)

// whenAsked reports a question about when work already said will be done ("can
// that land this sprint? ends 3/20", "will it be ready by friday?"): its subject
// points back (that, it, this), and its words, the deadline aside, name no work of
// their own. It asks a date of the item before it and adds no item.
func whenAsked(low string) bool {
	asked := false
	for _, s := range followUpSentences(low) {
		s = strings.TrimSpace(s)
		rest := lkDateRE.ReplaceAllString(dueRE.ReplaceAllString(s, " "), " ")
		if len(contentTerms(rest)) > 1 {
			return false
		}
		if strings.HasSuffix(s, "?") {
			if !lkPointBackRE.MatchString(s) || rest == s {
				return false
			}
			asked = true
		}
	}
	return asked
}

var (
	// lkPointBackRE: a question whose subject points back to what was said.
	lkPointBackRE = regexp.MustCompile(`^\W*(?:\w+[,.]?\s+)?(?:can|could|will|would|does|do|is|are|should|might)\s+(?:that|it|this|those|these|that one|this one)\b`)
	// lkDateRE: a date or a day said without a trigger word ("ends 3/20", "friday?").
	lkDateRE = regexp.MustCompile(`\b\d{1,2}/\d{1,2}(?:/\d{2,4})?\b|\b\d{4}-\d{2}-\d{2}\b|\b(?:mon|tues|wednes|thurs|fri|satur|sun)day\b|\b(?:this|next) (?:week|sprint|month|quarter)\b|\beo[dwmq]\b|\btomorrow\b|\bthe \d{1,2}(?:st|nd|rd|th)\b`)
)

// selfRetracted reports a message that says an idea and takes it back before it
// ends ("also deploybot should refuse 'canary skipped' deploys... nvm, canary
// wouldnt have helped"): what follows the take-back gives the reason and
// proposes nothing new.
func selfRetracted(low string) bool {
	loc := lkSelfRetractRE.FindStringIndex(low)
	if loc == nil || len(contentTerms(low[:loc[0]])) < 2 {
		return false
	}
	rest := low[loc[1]:]
	return !sentencePromise(rest) && !proposalForm(rest, true) && !fuCommitRE.MatchString(rest)
}

// lkSelfRetractRE: a take-back after something said in the same message
// ("… nvm", "… actually no, scrap that", "… already on 3 retries. ignore me").
var lkSelfRetractRE = regexp.MustCompile(`(?:\.{2,}|…|[,.;:!—–-])\s*(?:(?:ah|oh|actually|hmm|wait|no)[,.]?\s+){0,2}(?:(?:nvm|never ?mind|(?:scratch|scrap) (?:that|it)|forget (?:it|that))\b|ignore me\b\W*$)`)

// boundedWatch reports a promise to watch something for a stretch of time that
// ends soon ("The on-call will watch the heap graphs daily this week. We expect
// the bounded cache to hold."): someone on watch while a fix proves itself, not a
// lasting change, unless a sentence makes something. A report's action section
// reads it; in chat such a watch is no item already (no lasting word).
func boundedWatch(low string) bool {
	found := false
	for _, s := range followUpSentences(low) {
		// A watch that points back may have its stretch in the sentence before
		// ("tonight's run is the first real test of the import. I'll keep an eye
		// on it").
		if lkWatchForRE.MatchString(s) || lkWatchRE.MatchString(s) && (lkNearWindowRE.MatchString(s) || lkWatchBackRE.MatchString(s) && lkNearWindowRE.MatchString(low)) {
			rest := lkLeaveAsIsRE.ReplaceAllString(lkNearWindowRE.ReplaceAllString(lkWatchRE.ReplaceAllString(lkWatchForRE.ReplaceAllString(s, " "), " "), " "), " ")
			if fuMakeRE.MatchString(rest) || fuStrongLastingRE.MatchString(rest) {
				return false
			}
			found = true
		} else if sentencePromise(s) || fuCommitRE.MatchString(s) {
			return false
		}
	}
	return found
}

var (
	// lkWatchForRE: watching for minutes or hours ("monitoring for 20 min first
	// pls", "watch it for another hour"); an alert's condition ("a monitor on
	// zero results > 20% for 5 min") names no watcher.
	lkWatchForRE = regexp.MustCompile(`\b(?:monitoring|watching|watch|monitor) (?:it |this |things |that )?for (?:another |a further |the next )?(?:\d+|a few|a couple of|an?) ?(?:min(?:ute)?s?|hours?|h|m)\b`)
	// lkWatchRE: looking at something over and over.
	lkWatchRE = regexp.MustCompile(`\b(?:watch(?:es|ing)?|keep (?:an eye|watch|watching|checking) on|keep an eye|eyeball(?:ing)?|check(?:ing)? on)\b`)
	// lkWatchBackRE: a watch whose object points back ("keep an eye on it").
	lkWatchBackRE = regexp.MustCompile(`\b(?:eye|watch|watching|checking|check) on (?:it|this|that|them|things)\b|\bwatch(?:ing)? (?:it|this|that|them)\b`)
	// lkLeaveAsIsRE: a clause that leaves something as it stands ("leaving fanout
	// pinned at 30"), which makes nothing.
	lkLeaveAsIsRE = regexp.MustCompile(`\bleav(?:e|ing)\b[^.,;!?]*`)
	// lkNearWindowRE: a stretch of time that ends soon.
	lkNearWindowRE = regexp.MustCompile(`\b(?:this week|tonight|today|overnight|over the weekend|for the (?:next|coming|first) (?:few |couple of |\d+ |two |three |seven )?(?:days?|hours?|weeks?|nights?|runs?)|until (?:mon|tues|wednes|thurs|fri|satur|sun)day|through (?:the )?(?:weekend|week|night))\b`)
)
