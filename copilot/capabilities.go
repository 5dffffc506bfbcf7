package copilot

import (
	"context"
	"strings"
)

// Copilot answers responders' questions from the incident memory: it loads what an
// answer needs and lets the engine draft it. Scope rules live here so the CLI, the
// HTTP API and Slack apply the same ones.
type Copilot struct {
	Memory Memory
	Engine Engine
	// Redact masks secrets in incidents given whole (not read from the memory, which
	// masks at ingest) before an engine sees them, so no answer repeats a secret.
	Redact func(string) string
	// Ledger records follow-ups captured from the copilot; nil disables filing.
	Ledger TicketLedger
	// Tracker files follow-ups as tickets; nil records them as captured by whoever
	// asked.
	Tracker Tracker
	// Permalink links a message of an incident (a Slack permalink), or "".
	Permalink func(inc *Incident, ts string) string
	// Gates say which capabilities may act on their own; nil: none may.
	Gates Gates
	// PersonName, when set, turns a person as a transcript names them (a chat
	// user id) into the name people know them by, for ticket owners. It never
	// fails: it returns what it was given when it knows no better.
	PersonName func(ctx context.Context, person string) string

	fixes fixCache // what the tracker said of past incidents' tickets (open_fixes.go)
}

// given masks an incident that did not come from the memory.
func (c *Copilot) given(inc *Incident) { MaskIncident(inc, c.Redact) }

// Summary drafts a cited summary of a stored incident.
//
// Errors: ENOTFOUND (also for a private incident without includePrivate), EINVALID, EUNAVAILABLE.
func (c *Copilot) Summary(ctx context.Context, id string, includePrivate bool) (*SummaryAnswer, error) {
	inc, err := c.Memory.FindIncidentByID(ctx, id, includePrivate)
	if err != nil {
		return nil, err
	}
	return c.SummarizeIncident(ctx, inc)
}

// SummarizeIncident drafts a cited summary of an incident given whole.
func (c *Copilot) SummarizeIncident(ctx context.Context, inc *Incident) (*SummaryAnswer, error) {
	if len(inc.Messages) == 0 {
		return nil, Errorf(EINVALID, "Incident %q has no messages to summarize.", inc.ID)
	}
	c.given(inc)
	return c.Engine.Summarize(ctx, inc)
}

// FollowUps lists what people committed to or proposed in a stored incident; with
// uncapturedOnly, only the open ones: no ticket covers them and the transcript does not
// mark them done.
//
// Errors: ENOTFOUND, EINVALID, EUNAVAILABLE.
func (c *Copilot) FollowUps(ctx context.Context, id string, includePrivate, uncapturedOnly bool) (*FollowUpsAnswer, error) {
	inc, err := c.Memory.FindIncidentByID(ctx, id, includePrivate)
	if err != nil {
		return nil, err
	}
	return c.followUps(ctx, inc, true, uncapturedOnly)
}

// FollowUpsOfIncident extracts follow-ups from an incident given whole.
func (c *Copilot) FollowUpsOfIncident(ctx context.Context, inc *Incident, uncapturedOnly bool) (*FollowUpsAnswer, error) {
	c.given(inc)
	return c.followUps(ctx, inc, false, uncapturedOnly)
}

// followUps asks the engine, gives every item its stable id and, for a stored
// incident, marks what was filed from the copilot as captured. An incident given
// whole never reads the ledger: its id may be a stored incident's.
func (c *Copilot) followUps(ctx context.Context, inc *Incident, stored, uncapturedOnly bool) (*FollowUpsAnswer, error) {
	if len(inc.Messages) == 0 {
		return nil, Errorf(EINVALID, "Incident %q has no messages.", inc.ID)
	}
	ans, err := c.Engine.FollowUps(ctx, inc)
	if err != nil {
		return nil, err
	}
	assignFollowUpIDs(ans.Items)
	if stored {
		if err := c.applyLedger(ctx, inc.ID, ans.Items); err != nil {
			return nil, err
		}
	}
	if uncapturedOnly {
		kept := []FollowUp{}
		for _, it := range ans.Items {
			if it.Open() {
				kept = append(kept, it)
			}
		}
		ans.Items = kept
	}
	if ans.Items == nil {
		ans.Items = []FollowUp{}
	}
	return ans, nil
}

// similarForRunbook is how many past incidents a runbook draws its steps from.
const similarForRunbook = 5

// Runbook suggests steps from how the incidents most like a stored incident were
// mitigated, and the library runbooks that match it. For an incident that is over,
// the steps start with what fixed it (the engine is given the incident itself
// among the similar ones and decides; see Engine.Runbook).
//
// Errors: ENOTFOUND, EUNAVAILABLE.
func (c *Copilot) Runbook(ctx context.Context, id string, includePrivate bool) (*RunbookAnswer, error) {
	inc, err := c.Memory.FindIncidentByID(ctx, id, includePrivate)
	if err != nil {
		return nil, err
	}
	return c.runbook(ctx, inc, SearchQuery{IncidentID: id, Limit: similarForRunbook, Filter: IncidentFilter{IncludePrivate: includePrivate}})
}

// RunbookForIncident does the same for an incident given whole (not stored).
func (c *Copilot) RunbookForIncident(ctx context.Context, inc *Incident, includePrivate bool) (*RunbookAnswer, error) {
	if len(inc.Messages) == 0 {
		return nil, Errorf(EINVALID, "Incident %q has no messages.", inc.ID)
	}
	c.given(inc)
	q := SearchQuery{Text: IncidentText(inc, 16<<10), Limit: similarForRunbook, Filter: IncidentFilter{IncludePrivate: includePrivate}}
	if inc.ID != "" {
		q.Filter.ExcludeIDs = []string{inc.ID}
	}
	return c.runbook(ctx, inc, q)
}

func (c *Copilot) runbook(ctx context.Context, inc *Incident, q SearchQuery) (*RunbookAnswer, error) {
	results, err := c.Memory.Search(ctx, q)
	if err != nil {
		return nil, err
	}
	ids := make([]string, len(results))
	for i, r := range results {
		ids[i] = r.IncidentID
	}
	similar, err := c.Memory.FindIncidentsByIDs(ctx, ids, q.Filter.IncludePrivate)
	if err != nil {
		return nil, err
	}
	// The incident itself first: once it is over, how it was fixed is the first
	// part of its runbook.
	similar = append([]*Incident{inc}, similar...)
	runbooks, err := c.Memory.MatchRunbooks(ctx, IncidentText(inc, 8<<10), 3)
	if err != nil {
		return nil, err
	}
	return c.Engine.Runbook(ctx, inc, similar, runbooks)
}

// IncidentText is an incident's title and transcript as one text, at most max bytes
// (the start of an incident says most about what broke).
func IncidentText(inc *Incident, max int) string {
	var b strings.Builder
	b.WriteString(inc.Title)
	for _, m := range inc.Messages {
		if b.Len() >= max {
			break
		}
		b.WriteString("\n")
		b.WriteString(m.Text)
	}
	s := b.String()
	if len(s) > max {
		// Cutting may split a character; drop the broken tail.
		s = strings.ToValidUTF8(s[:max], "")
	}
	return s
}
