package copilot

// Engine names as they appear in answers.
const (
	EngineLocal = "local"
	EngineLLM   = "llm"
)

// Citation is one statement of an answer with the messages it came from.
type Citation struct {
	Text     string   `json:"text"`
	SourceTS []string `json:"source_ts"`
}

// TimelineEntry is one key moment of an incident.
type TimelineEntry struct {
	At       string   `json:"at"` // RFC 3339
	Text     string   `json:"text"`
	SourceTS []string `json:"source_ts"`
}

// Summary is the body of a summary answer; each field holds whole sentences, each
// of which appears in SummaryAnswer.Citations with its sources.
type Summary struct {
	Overview  string `json:"overview"`
	Impact    string `json:"impact"`
	RootCause string `json:"root_cause"`
	// Mitigation is the first action that stopped the bleeding; Resolution what
	// ended the incident (often a later, permanent fix) and the check that showed it.
	Mitigation string          `json:"mitigation"`
	Resolution string          `json:"resolution"`
	Status     string          `json:"status"`
	Timeline   []TimelineEntry `json:"timeline"`

	// The fields below are set while the incident is open (no resolution yet), for a
	// responder joining mid-incident: who is on what, what has been tried, what is
	// next. Each sentence is cited like the others.
	Open   bool     `json:"open,omitempty"`
	Owners []Owner  `json:"owners,omitempty"`
	Tried  []string `json:"tried,omitempty"`
	Next   []string `json:"next,omitempty"`
}

// Owner is a responder and what they last said they are doing.
type Owner struct {
	Person   string `json:"person"`
	Doing    string `json:"doing"`
	SourceTS string `json:"source_ts"`
}

// SummaryAnswer is what the summary capability returns.
type SummaryAnswer struct {
	IncidentID       string     `json:"incident_id"`
	Engine           string     `json:"engine"`
	Fallback         string     `json:"fallback,omitempty"` // why the local engine answered instead of the LLM
	PromptVersion    string     `json:"prompt_version"`
	Summary          Summary    `json:"summary"`
	Citations        []Citation `json:"citations"`
	DroppedSentences int        `json:"dropped_sentences"`
	FlaggedSentences int        `json:"flagged_sentences,omitempty"`
	// Verified is set by the front door when the capability passed its gate on the
	// current configuration (see Copilot.Capability); unverified answers are
	// suggestions.
	Verified bool `json:"verified"`
}

// FollowUp is an improvement someone committed to or proposed in the channel.
type FollowUp struct {
	// ID is stable while the transcript does not change the source message (see
	// FollowUpID): buttons and URLs use it.
	ID    string `json:"id,omitempty"`
	Text  string `json:"text"`
	Owner string `json:"owner"`
	// Due is the deadline as a calendar date (YYYY-MM-DD) when the words give one,
	// resolved against the time the message was sent; DueText keeps the words as
	// written ("by friday 3/6", "next sprint"), so a deadline that names no date
	// ("next sprint" needs the team's calendar) is still shown.
	Due      string `json:"due"`
	DueText  string `json:"due_text,omitempty"`
	SourceTS string `json:"source_ts"`
	// TakenTS is the message where the owner took the item on when that is another
	// than SourceTS: a proposal ("jtran can you open the case w corvane") and the
	// reply that takes it ("ya ill open it tonight") are one item said across two
	// messages, and either may be the one a reader calls the commitment.
	TakenTS string `json:"taken_ts,omitempty"`
	// AskedTS is the request that gave the item to its owner when that is a
	// third message ("could we load test the map?" … "yes. @nina own a load test
	// before october pls" … "ok, will plan it"): it names the owner and the date.
	AskedTS string `json:"asked_ts,omitempty"`
	// ProposedTS is the remark or proposal another person made just before the
	// item's own message, which the item answers ("that trigger has to page
	// someone" … "I'll change it today: page PACS on-call when…").
	ProposedTS string `json:"proposed_ts,omitempty"`
	Captured   bool   `json:"captured"`
	TicketKey  string `json:"ticket_key"`
	// Done is set when the transcript itself marks the work done (a report's status
	// column, "(done)", a ticked box, "— done 2026-05-03"): it is listed as a
	// commitment with its state, not as one waiting for a ticket.
	Done      bool   `json:"done,omitempty"`
	TicketURL string `json:"ticket_url,omitempty"`
	// CapturedBy names who filed it from the copilot (or marked it captured).
	CapturedBy string `json:"captured_by,omitempty"`
}

// Sources lists the messages a follow-up was said in, in the order they were said:
// the remark it answers, its own message, the reply that took it on.
func (f FollowUp) Sources() []string {
	var out []string
	for _, ts := range []string{f.ProposedTS, f.SourceTS, f.AskedTS, f.TakenTS} {
		if ts != "" {
			out = append(out, ts)
		}
	}
	return out
}

// Open reports whether a follow-up still waits for a ticket: not captured by one and
// not marked done where it was written.
func (f FollowUp) Open() bool { return !f.Captured && !f.Done }

// FollowUpsAnswer is what the follow-up capability returns.
type FollowUpsAnswer struct {
	IncidentID    string     `json:"incident_id"`
	Engine        string     `json:"engine"`
	Fallback      string     `json:"fallback,omitempty"`
	PromptVersion string     `json:"prompt_version,omitempty"`
	Items         []FollowUp `json:"items"`
	// Verified is set by the front door when the capability passed its gate on the
	// current configuration (see Copilot.Capability); unverified answers are
	// suggestions.
	Verified bool `json:"verified"`
}

// StepSource points at the incident message a runbook step came from.
type StepSource struct {
	IncidentID string `json:"incident_id"`
	SourceTS   string `json:"source_ts"`
}

// RunbookStep is one action that mitigated or resolved a similar past incident.
type RunbookStep struct {
	Text    string       `json:"text"`
	Kind    string       `json:"kind,omitempty"` // "mitigation" or "diagnostic"
	Sources []StepSource `json:"sources"`
}

// RunbookMatch is a library runbook ranked by similarity to the incident.
type RunbookMatch struct {
	ID    string  `json:"id"`
	Title string  `json:"title"`
	Path  string  `json:"path"`
	Score float64 `json:"score"`
}

// RunbookAnswer is what the runbook capability returns.
type RunbookAnswer struct {
	IncidentID    string         `json:"incident_id"`
	Engine        string         `json:"engine"`
	Fallback      string         `json:"fallback,omitempty"`
	PromptVersion string         `json:"prompt_version,omitempty"`
	Steps         []RunbookStep  `json:"steps"`
	Runbooks      []RunbookMatch `json:"runbooks"`
	// Verified is set by the front door when the capability passed its gate on the
	// current configuration (see Copilot.Capability); unverified answers are
	// suggestions.
	Verified bool `json:"verified"`
}
