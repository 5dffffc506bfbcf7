package evals

import (
	"context"
	"fmt"
	"regexp"
	"sort"
	"strings"

	"github.com/incidentcopilot/incident-copilot/copilot"
)

// Follow-up metric names.
const (
	MetricFollowUpPrecision       = "followups.precision"
	MetricFollowUpRecall          = "followups.recall"
	MetricFollowUpF1              = "followups.f1"
	MetricFollowUpCaptureAccuracy = "followups.capture_accuracy"
	MetricFollowUpTicketKey       = "followups.ticket_key_accuracy"
	MetricFollowUpDetectPrecision = "followups.detect_precision"
	MetricFollowUpDetectRecall    = "followups.detect_recall"
	MetricFollowUpDetectF1        = "followups.detect_f1"
	MetricFollowUpOwner           = "followups.owner_accuracy"
	MetricFollowUpDue             = "followups.due_accuracy"
)

// FollowUpResult measures follow-up extraction. The headline numbers are about
// uncaptured follow-ups (what the copilot is for: ideas nobody ticketed). A predicted
// item matches a gold one when its SourceTS equals the gold ts in the same incident;
// several predicted items on one message count once.
type FollowUpResult struct {
	// Uncaptured: predicted uncaptured items, gold uncaptured follow-ups, predicted
	// uncaptured items at a gold uncaptured ts, gold uncaptured follow-ups found.
	Predicted, Gold, TruePositives, Found int
	Precision, Recall, F1                 float64

	// Capture: of the predicted items at any gold follow-up's ts, how many got
	// Captured right.
	CaptureMatched, CaptureCorrect int
	CaptureAccuracy                float64

	// Ticket key: of the gold follow-ups with a labelled ticket found captured, how
	// many were filed under that ticket. A wrong key sends the reader to other work.
	KeyMatched, KeyCorrect int
	KeyAccuracy            float64

	// Detection regardless of capture: all predicted items against all gold ones.
	DetectPredicted, DetectGold, DetectTruePositives, DetectFound int
	DetectPrecision, DetectRecall, DetectF1                       float64

	// Owner and due date: of the gold follow-ups found (any item at their ts), how
	// many got the labelled owner (case and a leading @ ignored) and due date.
	OwnerCorrect, DueCorrect int
	OwnerAccuracy            float64
	DueAccuracy              float64

	Incidents []IncidentFollowUps
}

// IncidentFollowUps lists one incident's errors, for reading a run.
type IncidentFollowUps struct {
	ID string `json:"id"`
	// FalsePositives are predicted uncaptured items not at a gold uncaptured ts.
	FalsePositives []string `json:"false_positives,omitempty"`
	// Missed are gold uncaptured follow-ups with no predicted uncaptured item.
	Missed []string `json:"missed,omitempty"`
	// CaptureWrong are gold follow-ups found with the wrong Captured value.
	CaptureWrong []string `json:"capture_wrong,omitempty"`
	// KeyWrong are gold captured follow-ups found captured under another ticket.
	KeyWrong []string `json:"key_wrong,omitempty"`
	// OwnerWrong and DueWrong are gold follow-ups found with another owner or date.
	OwnerWrong []string `json:"owner_wrong,omitempty"`
	DueWrong   []string `json:"due_wrong,omitempty"`
}

// FollowUpMetrics runs the engine's follow-up extraction on every labelled incident.
// Precision is 1 when nothing is predicted and recall 1 when nothing is gold (both
// vacuous; the other number then tells).
func FollowUpMetrics(ctx context.Context, engine copilot.Engine, c *Corpus) (*FollowUpResult, error) {
	r := &FollowUpResult{}
	for _, li := range c.Incidents {
		ans, err := engine.FollowUps(ctx, li.Incident)
		if err != nil {
			return nil, fmt.Errorf("follow-ups of %s: %w", li.Labels.ID, err)
		}
		// A message may state several follow-ups, some ticketed and some not (a
		// postmortem paragraph, a numbered list in one message): keep the states of
		// all of them, so an uncaptured item there is right when any of them is
		// uncaptured, and a captured one when any is captured.
		gold := ChainGold(li.Labels, ans.Items)
		goldUncaptured, goldCaptured := map[string]bool{}, map[string]bool{}
		for _, g := range gold {
			if g.Captured {
				goldCaptured[g.TS] = true
			} else {
				goldUncaptured[g.TS] = true
			}
		}
		predUncaptured := map[string]bool{}
		predAll := map[string]bool{}
		captured := map[string]bool{} // ts -> some item there is captured
		at := map[string][]copilot.FollowUp{}
		for _, it := range ans.Items {
			predAll[it.SourceTS] = true
			at[it.SourceTS] = append(at[it.SourceTS], it)
			switch {
			case it.Captured:
				captured[it.SourceTS] = true
			case !it.Done:
				// An item the transcript marks done waits for no ticket: it is
				// not on the copilot's list of what nobody ticketed.
				predUncaptured[it.SourceTS] = true
			}
		}
		inc := IncidentFollowUps{ID: li.Labels.ID}
		for ts := range predUncaptured {
			r.Predicted++
			if goldUncaptured[ts] {
				r.TruePositives++
			} else {
				inc.FalsePositives = append(inc.FalsePositives, ts)
			}
		}
		for ts := range predAll {
			r.DetectPredicted++
			if goldUncaptured[ts] || goldCaptured[ts] {
				r.DetectTruePositives++
			}
		}
		for _, g := range gold {
			r.DetectGold++
			if predAll[g.TS] {
				r.DetectFound++
				r.CaptureMatched++
				// An item at the ts is right about capture when the gold state is
				// among what was predicted there and nothing contradicts it: the
				// other state predicted there is a contradiction only when no gold
				// follow-up of that message has it.
				right := (g.Captured && captured[g.TS] && (!predUncaptured[g.TS] || goldUncaptured[g.TS])) ||
					(!g.Captured && predUncaptured[g.TS] && (!captured[g.TS] || goldCaptured[g.TS]))
				if right {
					r.CaptureCorrect++
				} else {
					inc.CaptureWrong = append(inc.CaptureWrong, g.TS)
				}
				if g.Captured && g.TicketKey != "" && captured[g.TS] {
					r.KeyMatched++
					if sameKeyAt(at[g.TS], g.TicketKey) {
						r.KeyCorrect++
					} else {
						inc.KeyWrong = append(inc.KeyWrong, g.TS)
					}
				}
				owner, due := false, false
				for _, it := range at[g.TS] {
					owner = owner || li.SameOwner(it.Owner, g.Owner)
					due = due || it.Due == g.Due
				}
				if owner {
					r.OwnerCorrect++
				} else {
					inc.OwnerWrong = append(inc.OwnerWrong, g.TS)
				}
				if due {
					r.DueCorrect++
				} else {
					inc.DueWrong = append(inc.DueWrong, g.TS)
				}
			}
			if g.Captured {
				continue
			}
			r.Gold++
			if predUncaptured[g.TS] {
				r.Found++
			} else {
				inc.Missed = append(inc.Missed, g.TS)
			}
		}
		sort.Strings(inc.FalsePositives)
		if len(inc.FalsePositives)+len(inc.Missed)+len(inc.CaptureWrong)+len(inc.KeyWrong)+len(inc.OwnerWrong)+len(inc.DueWrong) > 0 {
			r.Incidents = append(r.Incidents, inc)
		}
	}
	r.Precision = ratio(r.TruePositives, r.Predicted)
	r.Recall = ratio(r.Found, r.Gold)
	r.F1 = f1(r.Precision, r.Recall)
	r.CaptureAccuracy = ratio(r.CaptureCorrect, r.CaptureMatched)
	r.KeyAccuracy = ratio(r.KeyCorrect, r.KeyMatched)
	r.DetectPrecision = ratio(r.DetectTruePositives, r.DetectPredicted)
	r.DetectRecall = ratio(r.DetectFound, r.DetectGold)
	r.DetectF1 = f1(r.DetectPrecision, r.DetectRecall)
	r.OwnerAccuracy = ratio(r.OwnerCorrect, r.DetectFound)
	r.DueAccuracy = ratio(r.DueCorrect, r.DetectFound)
	return r, nil
}

// sameKeyAt reports whether an item captured under key is among items.
func sameKeyAt(items []copilot.FollowUp, key string) bool {
	for _, it := range items {
		if it.Captured && sameTicket(it.TicketKey, key) {
			return true
		}
	}
	return false
}

// sameTicket reports whether two references name one ticket: case ignored
// ("ops-12", "OPS-12"), and an issue written as its link, as "group/repo#N", as
// "repo#N" or as "#N" is one issue when the numbers agree and the repositories
// named agree.
func sameTicket(a, b string) bool {
	ra, na := ticketParts(a)
	rb, nb := ticketParts(b)
	return na != "" && na == nb && (ra == "" || rb == "" || ra == rb)
}

// issueLinkRE: the repository and number of an issue or merge request link.
var issueLinkRE = regexp.MustCompile(`([^/]+)/(?:-/)?(?:issues|pull|merge_requests)/(\d+)`)

// ticketParts splits a reference into its repository (last path part, "" when
// none is written) and its number or key.
func ticketParts(k string) (repo, id string) {
	k = strings.ToLower(strings.TrimSpace(k))
	if m := issueLinkRE.FindStringSubmatch(k); m != nil {
		return m[1], m[2]
	}
	if i := strings.LastIndexByte(k, '#'); i >= 0 {
		repo = k[:i]
		if j := strings.LastIndexByte(repo, '/'); j >= 0 {
			repo = repo[j+1:]
		}
		return repo, k[i+1:]
	}
	return "", k
}

// ChainGold returns the gold follow-ups with each one labelled at another message an
// item is said across (the reply where its owner took it on, TakenTS, or the remark
// it answers, ProposedTS) moved to the item's own message: such an item is one said
// across two messages, and labellers differ on which of the two they call the
// commitment. A gold label
// stays where it is when the engine lists an item at that message itself, when the
// proposal is labelled too (two gold items, one predicted: one of them is missed),
// and when the labeller called the proposal's message no follow-up (they read two
// things where the engine read one).
func ChainGold(l Labels, items []copilot.FollowUp) []GoldFollowUp {
	labels := l.FollowUps
	at := map[string]bool{}
	for _, g := range labels {
		at[g.TS] = true
	}
	for _, ts := range l.NotFollowUps {
		at[ts] = true
	}
	own := map[string]bool{}
	for _, it := range items {
		own[it.SourceTS] = true
	}
	moved := map[string]string{}
	for _, it := range items {
		for _, ts := range it.Sources() {
			if ts != it.SourceTS && !own[ts] && !at[it.SourceTS] {
				moved[ts] = it.SourceTS
			}
		}
	}
	out := make([]GoldFollowUp, len(labels))
	for i, g := range labels {
		if to, ok := moved[g.TS]; ok {
			g.TS = to
		}
		out[i] = g
	}
	return out
}

// Metrics lists the result as report lines.
func (r *FollowUpResult) Metrics() []Metric {
	return []Metric{
		{Name: MetricFollowUpPrecision, Value: r.Precision, Detail: fmt.Sprintf("%d/%d predicted uncaptured items are gold uncaptured", r.TruePositives, r.Predicted)},
		{Name: MetricFollowUpRecall, Value: r.Recall, Detail: fmt.Sprintf("%d/%d gold uncaptured follow-ups found", r.Found, r.Gold)},
		{Name: MetricFollowUpF1, Value: r.F1, Detail: "uncaptured follow-ups"},
		{Name: MetricFollowUpCaptureAccuracy, Value: r.CaptureAccuracy, Detail: fmt.Sprintf("%d/%d found follow-ups with the right captured state", r.CaptureCorrect, r.CaptureMatched)},
		{Name: MetricFollowUpTicketKey, Value: r.KeyAccuracy, Detail: fmt.Sprintf("%d/%d follow-ups found captured are under their labelled ticket", r.KeyCorrect, r.KeyMatched)},
		{Name: MetricFollowUpDetectPrecision, Value: r.DetectPrecision, Detail: fmt.Sprintf("%d/%d predicted items are gold follow-ups", r.DetectTruePositives, r.DetectPredicted)},
		{Name: MetricFollowUpDetectRecall, Value: r.DetectRecall, Detail: fmt.Sprintf("%d/%d gold follow-ups found", r.DetectFound, r.DetectGold)},
		{Name: MetricFollowUpDetectF1, Value: r.DetectF1, Detail: "all follow-ups, captured or not"},
		{Name: MetricFollowUpOwner, Value: r.OwnerAccuracy, Detail: fmt.Sprintf("%d/%d found follow-ups with the labelled owner", r.OwnerCorrect, r.DetectFound)},
		{Name: MetricFollowUpDue, Value: r.DueAccuracy, Detail: fmt.Sprintf("%d/%d found follow-ups with the labelled due date", r.DueCorrect, r.DetectFound)},
	}
}

// ratio is n/d, and 1 for 0/0 (nothing to get wrong).
func ratio(n, d int) float64 {
	if d == 0 {
		return 1
	}
	return float64(n) / float64(d)
}

func f1(p, r float64) float64 {
	if p+r == 0 {
		return 0
	}
	return 2 * p * r / (p + r)
}
