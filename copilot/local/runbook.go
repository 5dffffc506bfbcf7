package local

import (
	"context"
	"regexp"
	"sort"
	"strings"
	"unicode"

	"github.com/incidentcopilot/incident-copilot/copilot"
	"github.com/incidentcopilot/incident-copilot/copilot/failure"
)

// Runbook limits.
const (
	maxRunbookSteps   = 8
	maxDiagnosticStep = 3
	// verifyLookahead is how many messages after an action may confirm it worked.
	verifyLookahead = 5
	// stepMergeJaccard: two steps of one action class are the same step when their
	// content terms overlap this much (or the class needs no object: a rollback is a
	// rollback).
	stepMergeJaccard = 0.2
	// minMechanismOverlap is the share of the smaller side's failure concepts a past
	// incident must share with the current one to lend it steps. The overlap
	// coefficient, not Jaccard: a long transcript picks up incidental concepts
	// ("charged twice", a cron's name) that should not push a true match out.
	minMechanismOverlap = 0.5
	// runbookTextBytes is how much of a transcript names its failure mechanism.
	runbookTextBytes = 16 << 10
	// lendDepth is how many of the most similar past incidents may lend steps; a
	// family has few incidents, so beyond the top 3 of the search most answers are
	// of other families.
	lendDepth = 3
	// minDeeperJaccard is the share of the union of failure concepts a past
	// incident below the nearest must share with the current one to lend steps:
	// one concept of three, two of six.
	minDeeperJaccard = 1.0/3 - 1e-9
	// minStepTerms: a step names what it changed ("rolled back checkout-api to
	// 2.30.4"), not only the verb ("patching the deployment").
	minStepTerms = 3
)

// lends reports whether the past incident at search position pos (0: the most
// similar) with failure concepts mech lends its steps to an incident with concepts
// want. Both signals must agree, and the deeper the position the more the concepts
// must: the search's confidence falls with position (on the dev split the nearest
// past incident is of the query's failure family 0.63 of the time, the second 0.40,
// the fourth and fifth 0.15 and 0.06), and one shared concept out of several
// ("oom" between a disk-full and a memory incident) is weak evidence. So the nearest
// incident lends when it shares the failure (minMechanismOverlap); the next ones
// only within the search's top lendDepth and when they share a third of the two
// incidents' concepts together (Jaccard); none further down.
func lends(want, mech []string, pos int) bool {
	if ov, _ := termOverlap(want, mech); ov < minMechanismOverlap || pos >= lendDepth {
		return false
	}
	return pos == 0 || jaccard(want, mech) >= minDeeperJaccard
}

// genericActions name steps whose object does not distinguish them.
var genericActions = map[string]bool{"rollback": true, "failover": true}

// severityRE: a severity change is bookkeeping, not a step.
var severityRE = regexp.MustCompile(`\bsev[- ]?[0-4]\b`)

// notHelpedRE marks an action that was tried and did not work.
var notHelpedRE = regexp.MustCompile(`\b(didn'?t|did not|doesn'?t|does not|not) (help|work|fix|change)\w*\b|\bno (change|luck|improvement|difference|effect)\b|\bstill (failing|broken|erroring|seeing|down|high|bad|the same)\b|\bsame (errors?|thing|problem|story|picture|result)\b|\bmade it worse\b|\bno dice\b|\b(changed|did|fixed|helped|solved) nothing\b|\bstill red\b`)

// stepDraft is one step found in one similar incident.
type stepDraft struct {
	class    string
	kind     string
	text     string
	check    string // the sentence that showed it worked, or ""
	terms    []string
	source   copilot.StepSource
	rank     int // position of the incident among the similar ones
	at       int // position of the message in its incident
	own      bool
	match    float64 // failure concepts shared with the incident drafted for (Jaccard)
	verified bool
	helped   bool
}

// stepText is the step as a runbook prints it: the action, then its check.
func (d stepDraft) stepText() string {
	if d.check == "" {
		return d.text
	}
	return copilot.SafeText(strings.TrimSuffix(d.text, ".") + " (check: " + strings.TrimSuffix(d.check, ".") + ").")
}

// stepCluster merges equivalent steps across incidents.
type stepCluster struct {
	drafts    []stepDraft
	incidents map[string]bool
}

// Runbook drafts steps from how the similar incidents (most similar first) were
// mitigated: the actions taken before they were resolved, each with the check that
// showed it worked when one followed, plus diagnostic steps that used a concrete
// tool. Equivalent steps are merged; steps seen in more incidents rank higher. Only
// the nearest past incidents that share the failure lend steps (lends): no step
// rather than one from an incident of another failure.
//
// similar may hold the incident itself (Copilot.Runbook passes it): once the
// incident is over, the runbook an SRE would write for it starts with what fixed it
// there, in the order it was done, each step also citing the past incidents where
// the same action was taken; the past incidents' other steps follow. While it is
// still open, its own actions are not suggested back: the steps come from the past
// incidents alone.
//
// Errors: EINVALID for a nil incident.
func (l *Engine) Runbook(ctx context.Context, inc *copilot.Incident, similar []*copilot.Incident, runbooks []copilot.RunbookMatch) (*copilot.RunbookAnswer, error) {
	if inc == nil {
		return nil, copilot.Errorf(copilot.EINVALID, "No incident to draft a runbook for.")
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	known := map[string]*copilot.Incident{}
	var drafts []stepDraft
	rank := 0
	// Steps come only from incidents of the same failure mechanism: search ranks
	// the nearest incidents whether or not any is really alike, and a step from an
	// unrelated incident is worse than no step. The mechanism is read through the
	// failure lexicon, so different wordings of one failure still meet.
	// An incident that names no failure mechanism gets no steps from others:
	// matching on symptoms and the kind of change alone (a deploy, 5xx), which
	// nearly every incident shares, lent steps of other families more often than
	// not on the dev split.
	want := analysisOf(inc).mechanisms
	// The search ranks by the words two incidents share, most of them generic; of
	// the nearest past incidents, only those about as alike in their rare words as
	// the most alike of them lend steps (kinship). The rarity is read over every
	// incident the search returned, so the ones too far down to lend still tell
	// which words are common here.
	var past []*copilot.Incident
	posOf := map[string]int{} // the search position among the past incidents
	for _, s := range similar {
		if s == nil || s.ID == inc.ID {
			continue
		}
		if _, dup := posOf[s.ID]; !dup {
			posOf[s.ID] = len(past)
			past = append(past, s)
		}
	}
	kin := kinship(inc, past)
	best := 0.0 // the most alike of those that may lend
	for _, k := range kin[:min(lendDepth, len(kin))] {
		best = max(best, k)
	}
	for _, s := range similar {
		if s == nil || known[s.ID] != nil {
			continue
		}
		own := s.ID == inc.ID
		pos := posOf[s.ID]
		if !own && pos >= lendDepth {
			continue // its steps are not read: most of a runbook's cost is reading them
		}
		a := analysisOf(s)
		if own && !incidentOver(s, a) || !own && (!lends(want, a.mechanisms, pos) || kin != nil && kin[pos] < nearBestKinship*best) {
			continue
		}
		known[s.ID] = s
		// How much of the failure the two share, beyond the threshold: a past
		// incident of exactly this failure lends steps that rank above one that
		// only overlaps it.
		match := jaccard(want, a.mechanisms)
		for _, d := range a.steps {
			d.rank, d.own, d.match = rank, own, match // a copy: the cached draft stays rank 0
			drafts = append(drafts, d)
		}
		rank++
	}

	var clusters []*stepCluster
	for _, d := range drafts {
		var into *stepCluster
		for _, c := range clusters {
			first := c.drafts[0]
			if first.class != d.class || first.kind != d.kind {
				continue
			}
			if genericActions[d.class] || jaccard(first.terms, d.terms) >= stepMergeJaccard {
				into = c
				break
			}
		}
		if into == nil {
			into = &stepCluster{incidents: map[string]bool{}}
			clusters = append(clusters, into)
		}
		// One source per incident and step: the first mention is where it was done;
		// a later one ("rollback done, 24/24 pods on 2.30.4") may carry its check.
		if !into.incidents[d.source.IncidentID] {
			into.drafts = append(into.drafts, d)
			into.incidents[d.source.IncidentID] = true
			continue
		}
		for i := range into.drafts {
			if first := &into.drafts[i]; first.source.IncidentID == d.source.IncidentID && !first.verified && d.verified {
				first.check, first.verified = d.check, true
			}
		}
	}

	type ranked struct {
		step  copilot.RunbookStep
		score float64
		kind  string
	}
	var rs []ranked
	for _, c := range clusters {
		// The representative is the version from the most similar incident, preferring
		// one whose effect was checked.
		rep := c.drafts[0]
		for _, d := range c.drafts[1:] {
			if d.verified && !rep.verified && !rep.own {
				rep = d
			}
		}
		var sources []copilot.StepSource
		score := 10 * float64(len(c.incidents))
		verified, helped, own, match := false, true, false, 0.0
		for _, d := range c.drafts {
			sources = append(sources, d.source)
			verified = verified || d.verified
			helped = helped && d.helped
			own = own || d.own
			match = max(match, d.match)
		}
		sources = copilot.ValidStepSources(known, sources)
		if len(sources) == 0 {
			continue
		}
		if rep.kind == "mitigation" {
			score += 3
		}
		if verified {
			score += 2
		}
		if !helped {
			continue // tried and did not work: not a step to repeat
		}
		score += 2/float64(1+rep.rank) + matchWeight*match
		if own {
			// What fixed this incident comes first, in the order it was done.
			score = ownStepScore - float64(c.drafts[0].at)
		}
		rs = append(rs, ranked{copilot.RunbookStep{Text: rep.stepText(), Kind: rep.kind, Sources: sources}, score, rep.kind})
	}
	sort.SliceStable(rs, func(i, j int) bool { return rs[i].score > rs[j].score })

	steps := []copilot.RunbookStep{}
	diagnostics := 0
	for _, r := range rs {
		if len(steps) == maxRunbookSteps {
			break
		}
		if r.kind == "diagnostic" {
			if diagnostics == maxDiagnosticStep {
				continue
			}
			diagnostics++
		}
		steps = append(steps, r.step)
	}
	if runbooks == nil {
		runbooks = []copilot.RunbookMatch{}
	}
	return &copilot.RunbookAnswer{
		IncidentID:    inc.ID,
		Engine:        copilot.EngineLocal,
		PromptVersion: Version,
		Steps:         steps,
		Runbooks:      runbooks,
	}, nil
}

// matchWeight weighs how much of the failure a step's incidents share with the
// incident drafted for against the other ranking cues (under 10, one incident).
const matchWeight = 4

// ownStepScore ranks the steps of the incident itself above any drawn from past
// incidents (those score under 10 per incident, and at most lendDepth+1
// incidents lend steps).
const ownStepScore = 1e6

// recordedOver reports whether the incident's record says it is over.
func recordedOver(inc *copilot.Incident) bool {
	switch strings.ToLower(inc.Status) {
	case "resolved", "closed", "postmortem", "done", "mitigated":
		return true
	}
	return !inc.ResolvedAt.IsZero()
}

// incidentOver reports whether an incident is over: resolved or closed on record,
// a resolution said in the transcript, or a postmortem (written after the fact).
func incidentOver(inc *copilot.Incident, a *incidentAnalysis) bool {
	return recordedOver(inc) || a.resolved
}

// symptomConcepts say what responders saw or that something changed, which nearly
// every incident shares; they do not tell two failure mechanisms apart.
var symptomConcepts = map[string]bool{"http-5xx": true, "timeout": true, "deploy": true, "config-change": true}

// mechanisms lists the failure-mechanism concepts of an incident's transcript.
func mechanisms(inc *copilot.Incident) []string {
	var out []string
	for _, c := range failure.Concepts(copilot.IncidentText(inc, runbookTextBytes)) {
		if !symptomConcepts[c] {
			out = append(out, c)
		}
	}
	return out
}

// incidentSteps extracts the steps of one past incident, and whether its transcript
// says it is over (a resolution, or a postmortem's sections).
func incidentSteps(s *copilot.Incident, rank int) ([]stepDraft, bool) {
	lc := analyzeLifecycle(sortedMessages(s))
	over := lc.resolvedAt >= 0
	for _, t := range lc.msgs {
		over = over || t.section != ""
	}
	end := len(lc.msgs)
	if lc.resolvedAt >= 0 {
		end = lc.resolvedAt + 1
	}
	firstAction := lc.mitigated
	if firstAction < 0 {
		firstAction = end
	}
	// The step that stopped the bleeding, as the summary reads it, is a step of
	// the runbook even when no action class or terse form reads its message
	// ("doing. setting hsm-03 weight 0 in the pool config"); the summary's reading
	// leaves the lifecycle as it found it.
	mb := newSummaryBuilder(lc)
	mitigating := map[int]bool{}
	for _, a := range mb.mitigationActs() {
		mitigating[a] = true
	}
	var out []stepDraft
	for _, t := range lc.msgs[:end] {
		if t.bot || !isNarrativeSection(t.section) {
			continue
		}
		d, lead, ok := actionStep(s, t, rank)
		if ok {
			if notHelpedRE.MatchString(t.lower) {
				d.helped = false
			}
			lc.checkStep(t, &d)
			// Responders write what they did verb first ("rolled back X", "scaled Y
			// to 12", "we drained the node"); an action word after a subject is more
			// often the system's doing or an explanation ("feed-api scaled to 85
			// pods for the finals traffic", "everything renewed since then"), kept
			// only in a short passive report that a check shows worked ("hotfix
			// deployed"), and never deep in a sentence.
			ok = lead <= actionLead && (lead == 0 || d.verified)
		}
		if !ok && t.idx > 0 {
			// A terse report no action class reads ("remounted /data").
			d, ok = lc.reportedStep(stepDraft{kind: "mitigation", source: copilot.StepSource{IncidentID: s.ID, SourceTS: t.msg.TS}, rank: rank, at: t.idx, helped: true}, t, over || recordedOver(s))
		}
		if !ok && mitigating[t.idx] {
			d, ok = mitigationDraft(mb, s, t, rank)
		}
		if ok {
			out = append(out, d)
			continue
		}
		if t.diagnose && t.idx <= firstAction {
			text, tool := diagnosticSentence(t.msg.Text)
			if text == "" {
				continue
			}
			out = append(out, stepDraft{class: "diagnostic:" + tool, kind: "diagnostic", text: imperative(text),
				terms: contentTerms(text), source: copilot.StepSource{IncidentID: s.ID, SourceTS: t.msg.TS}, rank: rank, at: t.idx, helped: true})
		}
	}
	return out, over
}

// mitigationDraft drafts the step of a message the summary reads as the one that
// stopped the bleeding: its step sentence as an instruction, shown to work.
func mitigationDraft(b *summaryBuilder, s *copilot.Incident, t msgTags, rank int) (stepDraft, bool) {
	text := b.mitigationSentence(t.idx)
	if l, rest := labelOf(text); l != "" && rest != "" {
		text = rest
	}
	text = strings.TrimSpace(rowLeadRE.ReplaceAllString(text, ""))
	low := lowerClean(text)
	// As actionStep: a statement about the action word is no step, and a step
	// told after the recovery, with none after it, is wrap-up.
	if len(contentTerms(text)) < minStepTerms || hasSecret(text) || copulaAfterRE.MatchString(low) || nounSubject(low) || !recoveryFollows(b.lc, t.idx) {
		return stepDraft{}, false
	}
	d := stepDraft{kind: "mitigation", source: copilot.StepSource{IncidentID: s.ID, SourceTS: t.msg.TS}, rank: rank, at: t.idx, helped: true, verified: true}
	d.class = stepClass(text, "report")
	d.text, d.terms = copilot.SafeText(imperative(strings.TrimSuffix(text, ".")+".")), contentTerms(text)
	return d, true
}

// recoveryFollows reports whether the message at i, or one of the next few, says
// things recovered.
func recoveryFollows(lc *incidentLifecycle, i int) bool {
	for _, u := range lc.msgs[i:min(len(lc.msgs), i+1+verifyLookahead)] {
		if recovered(u) {
			return true
		}
	}
	return false
}

// actionStep reads the action a message reports: a sentence whose action word
// comes early ("rolled back checkout-api to 2.30.4"), else a command pasted to
// change the system ("running this: aws route53 associate-vpc-with-hosted-zone …").
// lead is how many words precede the action word.
func actionStep(s *copilot.Incident, t msgTags, rank int) (stepDraft, int, bool) {
	d := stepDraft{kind: "mitigation", source: copilot.StepSource{IncidentID: s.ID, SourceTS: t.msg.TS}, rank: rank, at: t.idx, helped: true}
	if t.taken {
		text, class, at := actionSentence(t.msg.Text)
		// "restarts are Last State: Terminated", "reissuing from it is fine": the
		// action word is the subject of a statement, not something done.
		if copulaAfterRE.MatchString(lowerClean(text)) || nounSubject(lowerClean(text)) {
			text = ""
		}
		need := minStepTerms
		if class == "set-config" || class == "rollback" && versionRE.MatchString(text) {
			// "max_client_conn = 2500", "rolling back to 3.7.4": the setting and its
			// value, or the version, are the object.
			need--
		}
		// Hygiene after a pasted secret, or a verb without its object, is no step.
		if text != "" && !secretReactionRE.MatchString(lowerClean(text)) && len(contentTerms(text)) >= need {
			text = actionClause(text, need)
			d.class, d.text, d.terms = class, imperative(text), contentTerms(text)
			return d, at, true
		}
	}
	// The words around a pasted command say whether it was run: the lead-in
	// ("running this:") and the first sentence after it ("block cleared"), not an
	// aside further on.
	if say := lowerClean(commandContext(t.msg.Text)); strings.Contains(say, "?") || proposalRE.MatchString(say) || hedgeRE.MatchString(say) || notDoneRE.MatchString(say) {
		return d, 0, false
	}
	cmd, class := changeCommand(t.msg.Text)
	if cmd == "" {
		return d, 0, false
	}
	d.class, d.text, d.terms = class, "Run `"+cmd+"`.", contentTerms(cmd)
	return d, 0, true
}

// checkStep reads the messages after an action for whether it helped and the check
// that showed it worked.
func (lc *incidentLifecycle) checkStep(t msgTags, d *stepDraft) {
	for _, u := range lc.msgs[t.idx+1 : min(len(lc.msgs), t.idx+1+verifyLookahead)] {
		if u.taken && !u.bot && !u.verify && (notHelpedRE.MatchString(u.lower) || failedAttemptRE.MatchString(u.lower)) && sharesClass(t, u) {
			// "restart done, all 6 pods fresh. rc55 still 11.4%. did not help":
			// the report of this very step says it did not help.
			d.helped = false
			return
		}
		if u.taken && !u.bot || !u.bot && u.section == "" && strings.Contains(u.msg.Text, "`") && firstChange(u.msg.Text) {
			return // a check after the next action is that action's
		}
		recovered := u.verify || recoveryRE.MatchString(u.lower)
		if notHelpedRE.MatchString(u.lower) && !recovered {
			d.helped = false
			return
		}
		if recovered && !u.bot || recovered && u.section != "" {
			if check := checkSentence(u.msg.Text); check != "" {
				d.check, d.verified = check, true
			}
			return
		}
		if recovered {
			d.verified = true
			return
		}
	}
}

// recoveryRE: reports of recovery the lifecycle cues miss: a measure falling with
// decimals in it ("queue 4.1k -> 3.2k and dropping"), work flowing again, no more
// failures.
var recoveryRE = regexp.MustCompile(`\b(queue|lag|backlog|errors?|error rate|5xx|latency|p99|p95|conns|connections|usage|failures|timeouts|declines|decline rate|rejects|rejections|drops)\b[^?!\n]{0,40}\b(dropping|falling|down to|back to|decreasing|draining|recover\w*)\b|\b(going|working|works?|ok|okay|fine|green|normal|flowing|running|moving|processing|passing|serving|resolving|loading) again\b|\b(zero|0) (new |[a-z]+ )?(failures|errors|timeouts|5xx|restarts)\b|\b(dlq|queue|backlog|lag|errors?|5xx|retries|failures|disk|wal)\b[^.?!]{0,20}\bstopped (growing|rising|climbing|increasing|filling)\b`)

// versionRE: a release version ("3.7.4", "v2.13", "14.1").
var versionRE = regexp.MustCompile(`\bv?\d+\.\d+(\.\d+)?\b`)

// copulaAfterRE: a copula within a few words of a step's first word.
var copulaAfterRE = regexp.MustCompile(`^\W*\S+( [\w.-]+){0,3} (is|are|was|were)\b`)

// actionLead is how many words may precede the action word of a verified step.
const actionLead = 3

// leadFillers are words before an action that do not make it someone else's: the
// speaker ("I", "we"), acknowledgements and adverbs of time.
var leadFillers = map[string]bool{"i": true, "we": true, "i'm": true, "we're": true, "i've": true, "we've": true, "have": true, "just": true,
	"ok": true, "okay": true, "yes": true, "yep": true, "so": true, "now": true, "also": true, "and": true, "then": true, "already": true,
	"done": true, "done:": true, "+": true, "+1": true, "update:": true, "ok,": true, "yes,": true, "yep,": true, "so,": true, "now,": true, "update": true,
	// A report tells the responders' actions in the third person: "At 1:10 PM they
	// disabled …", "the on-call engineers rolled back …". A thing as the subject
	// ("the cluster doubled") still counts.
	"they": true, "they've": true, "the": true, "engineers": true, "engineer": true, "on-call": true, "oncall": true,
	"responders": true, "operators": true, "sre": true, "sres": true, "team": true}

// clockLeadRE: the time a report gives an action ("At 1:10 PM, …", "at 09:15 UTC").
var clockLeadRE = regexp.MustCompile(`(?i)^\W*(?:at|around|by) ~?\d{1,2}(?::\d{2})?\s*(?:am|pm)?\s*(?:utc|gmt|[a-z]{1,2}[sd]?t)?\b,?`)

// cliToolRE: the command-line tool that precedes the verb of a pasted command
// ("helm rollback payments-gateway 211", "argocd app rollback …").
var cliToolRE = regexp.MustCompile(`^(kubectl|helm|argocd|argo|app|aws|gcloud|az|terraform|tf|cmctl|systemctl|service|sudo|docker|nomad|consul|vault|redis-cli|psql|mysql|rabbitmqctl|ansible|salt|pulumi|flux|eksctl|k9s)$`)

// leadMannerRE: words that say how an action was done, not who did it.
var leadMannerRE = regexp.MustCompile(`^(forced?|manual(ly)?|quickly|carefully|immediately|roll(ing)?|rolled|graceful(ly)?|hard|soft|emergency)$`)

// leadWords counts the words of s that are not leadFillers, command-line tool names
// or manner words.
func leadWords(s string) int {
	n := 0
	for _, w := range strings.Fields(s) {
		t := strings.Trim(w, ",.:;!`$")
		if leadFillers[t] || leadFillers[w] || cliToolRE.MatchString(t) || leadMannerRE.MatchString(t) || !strings.ContainsFunc(t, unicode.IsLetter) {
			// A row's date or time ("2025-04-03 10:05 |") or a bullet is not a subject.
			continue
		}
		n++
	}
	return n
}

// actionSentence picks the sentence of a message that states the action, its class,
// and how many words precede the action word.
func actionSentence(text string) (string, string, int) {
	for _, raw := range splitSentences(text) {
		if hasSecret(raw) {
			continue
		}
		low := lowerClean(raw)
		if proposalRE.MatchString(low) || notDoneRE.MatchString(low) || symptomRE.MatchString(low) || hedgeRE.MatchString(low) || severityRE.MatchString(low) {
			continue
		}
		// "Checking pod restarts" is a diagnostic, whatever words follow.
		if loc := diagnosticRE.FindStringIndex(low); loc != nil && len(strings.Fields(low[:loc[0]])) == 0 {
			continue
		}
		// The action is the earliest action word of the sentence: in "pause the
		// backfill cronjob" it is the pause, not the backfill.
		best, at := "", -1
		for _, ac := range actionClasses {
			if loc := ac.re.FindStringIndex(low); loc != nil && (at < 0 || loc[0] < at) {
				best, at = ac.name, loc[0]
			}
		}
		if at >= 0 {
			if q := quote(raw); len(contentTerms(q)) >= 2 {
				return q, best, leadWords(clockLeadRE.ReplaceAllString(low[:at], ""))
			}
		}
	}
	return "", "", 0
}

// checkSentence picks the sentence that says the action worked.
func checkSentence(text string) string {
	for _, raw := range splitSentences(text) {
		if low := lowerClean(raw); !hasSecret(raw) && (verifyRE.MatchString(low) || recoveryRE.MatchString(low)) {
			return quote(raw)
		}
	}
	return ""
}

// diagnosticSentence picks the sentence naming a diagnostic with its tool; the tool
// (lower case) lets the same check from several incidents merge.
func diagnosticSentence(text string) (string, string) {
	for _, raw := range splitSentences(text) {
		if hasSecret(raw) {
			continue
		}
		// The check is what the sentence is about: its verb comes first.
		low := lowerClean(raw)
		loc := diagnosticRE.FindStringIndex(low)
		if loc == nil || len(strings.Fields(low[:loc[0]])) > actionLead || proposalRE.MatchString(low) {
			continue
		}
		// The tool named in the sentence identifies the check; a pasted command
		// without a known tool is identified by its first word.
		rawLow := strings.ToLower(raw)
		tool := toolNameRE.FindString(rawLow)
		if tool == "" {
			tool = strings.Trim(toolRE.FindString(rawLow), "` ")
			if f := strings.Fields(tool); len(f) > 0 {
				tool = f[0]
			}
		}
		if tool == "" {
			continue
		}
		if q := quote(raw); len(contentTerms(q)) >= 2 {
			return q, tool
		}
	}
	return "", ""
}
