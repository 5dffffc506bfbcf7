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
	// minStepTerms: a step names what it changed ("rolled back checkout-api to
	// 2.30.4"), not only the verb ("patching the deployment").
	minStepTerms = 3
)

// genericActions name steps whose object does not distinguish them.
var genericActions = map[string]bool{"rollback": true, "failover": true}

// severityRE: a severity change is bookkeeping, not a step.
var severityRE = regexp.MustCompile(`\bsev[- ]?[0-4]\b`)

// notHelpedRE marks an action that was tried and did not work.
var notHelpedRE = regexp.MustCompile(`\b(didn'?t|did not|doesn'?t|does not|not) (help|work|fix|change)\w*\b|\bno (change|luck|improvement|difference|effect)\b|\bstill (failing|broken|erroring|seeing|down|high|bad|the same)\b|\bsame (errors?|thing|problem)\b|\bmade it worse\b|\bno dice\b`)

// stepDraft is one step found in one similar incident.
type stepDraft struct {
	class    string
	kind     string
	text     string
	terms    []string
	source   copilot.StepSource
	rank     int // position of the incident among the similar ones
	verified bool
	helped   bool
}

// stepCluster merges equivalent steps across incidents.
type stepCluster struct {
	drafts    []stepDraft
	incidents map[string]bool
}

// Runbook drafts steps from how the similar incidents (most similar first) were
// mitigated: the actions taken before they were resolved, each with the check that
// showed it worked when one followed, plus diagnostic steps that used a concrete
// tool. Equivalent steps are merged; steps seen in more incidents rank higher.
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
	want := l.analysis.analysis(inc).mechanisms
	for _, s := range similar {
		if s == nil || s.ID == inc.ID || known[s.ID] != nil {
			continue
		}
		a := l.analysis.analysis(s)
		if ov, _ := termOverlap(want, a.mechanisms); ov < minMechanismOverlap {
			continue
		}
		known[s.ID] = s
		for _, d := range a.steps {
			d.rank = rank // a copy: the cached draft stays rank 0
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
		// One source per incident and step: the first mention is where it was done.
		if !into.incidents[d.source.IncidentID] {
			into.drafts = append(into.drafts, d)
			into.incidents[d.source.IncidentID] = true
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
			if d.verified && !rep.verified {
				rep = d
			}
		}
		var sources []copilot.StepSource
		score := 10 * float64(len(c.incidents))
		verified, helped := false, true
		for _, d := range c.drafts {
			sources = append(sources, d.source)
			verified = verified || d.verified
			helped = helped && d.helped
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
		score += 2 / float64(1+rep.rank)
		rs = append(rs, ranked{copilot.RunbookStep{Text: rep.text, Kind: rep.kind, Sources: sources}, score, rep.kind})
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

// incidentSteps extracts the steps of one past incident.
func incidentSteps(s *copilot.Incident, rank int) []stepDraft {
	lc := analyzeLifecycle(sortedMessages(s))
	end := len(lc.msgs)
	if lc.resolvedAt >= 0 {
		end = lc.resolvedAt + 1
	}
	firstAction := lc.mitigated
	if firstAction < 0 {
		firstAction = end
	}
	var out []stepDraft
	for _, t := range lc.msgs[:end] {
		if t.bot || !isNarrativeSection(t.section) {
			continue
		}
		switch {
		case t.taken:
			text, class, at := actionSentence(t.msg.Text)
			need := minStepTerms
			if class == "set-config" || class == "rollback" && versionRE.MatchString(text) {
				// "max_client_conn = 2500", "rolling back to 3.7.4": the setting and its
				// value, or the version, are the object.
				need--
			}
			if text == "" || secretReactionRE.MatchString(lowerClean(text)) || len(contentTerms(text)) < need {
				continue // hygiene after a pasted secret, or a verb without its object
			}
			d := stepDraft{class: class, kind: "mitigation", text: imperative(text), terms: contentTerms(text),
				source: copilot.StepSource{IncidentID: s.ID, SourceTS: t.msg.TS}, rank: rank, helped: true}
			if notHelpedRE.MatchString(t.lower) {
				d.helped = false
			}
			for _, u := range lc.msgs[t.idx+1 : min(len(lc.msgs), t.idx+1+verifyLookahead)] {
				if u.taken && !u.bot {
					break // a check after the next action is that action's
				}
				if notHelpedRE.MatchString(u.lower) && !u.verify {
					d.helped = false
					break
				}
				if u.verify && !u.bot || u.verify && u.section != "" {
					if check := checkSentence(u.msg.Text); check != "" {
						d.text = copilot.SafeText(strings.TrimSuffix(d.text, ".") + " (check: " + strings.TrimSuffix(check, ".") + ").")
						d.verified = true
					}
					break
				}
				if u.verify {
					d.verified = true
					break
				}
			}
			// Responders write what they did verb first ("rolled back X", "scaled Y
			// to 12", "we drained the node"); an action word after a subject is more
			// often the system's doing or an explanation ("feed-api scaled to 85
			// pods for the finals traffic", "everything renewed since then"), kept
			// only in a short passive report that a check shows worked ("hotfix
			// deployed"), and never deep in a sentence.
			if at > actionLead || at > 0 && !d.verified {
				continue
			}
			out = append(out, d)
		case t.diagnose && t.idx <= firstAction:
			text, tool := diagnosticSentence(t.msg.Text)
			if text == "" {
				continue
			}
			out = append(out, stepDraft{class: "diagnostic:" + tool, kind: "diagnostic", text: imperative(text),
				terms: contentTerms(text), source: copilot.StepSource{IncidentID: s.ID, SourceTS: t.msg.TS}, rank: rank, helped: true})
		}
	}
	return out
}

// versionRE: a release version ("3.7.4", "v2.13", "14.1").
var versionRE = regexp.MustCompile(`\bv?\d+\.\d+(\.\d+)?\b`)

// actionLead is how many words may precede the action word of a verified step.
const actionLead = 3

// leadFillers are words before an action that do not make it someone else's: the
// speaker ("I", "we"), acknowledgements and adverbs of time.
var leadFillers = map[string]bool{"i": true, "we": true, "i'm": true, "we're": true, "i've": true, "we've": true, "have": true, "just": true,
	"ok": true, "okay": true, "yes": true, "yep": true, "so": true, "now": true, "also": true, "and": true, "then": true, "already": true,
	"done": true, "done:": true, "+": true, "+1": true, "update:": true, "ok,": true, "yes,": true, "yep,": true, "so,": true, "now,": true, "update": true}

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
				return q, best, leadWords(low[:at])
			}
		}
	}
	return "", "", 0
}

// checkSentence picks the sentence that says the action worked.
func checkSentence(text string) string {
	for _, raw := range splitSentences(text) {
		if !hasSecret(raw) && verifyRE.MatchString(lowerClean(raw)) {
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
