package copilot

import (
	"bytes"
	"encoding/json"
	"fmt"
	"sort"
	"strings"
	"time"
)

// The shapes of the model's answers, as the prompts' schemas declare them. They are
// decoded only after the schema validated the answer, and decoded strictly anyway.

type llmStatement struct {
	Text     string   `json:"text"`
	SourceTS []string `json:"source_ts"`
}

type llmSummary struct {
	Overview   []llmStatement `json:"overview"`
	Impact     []llmStatement `json:"impact"`
	RootCause  []llmStatement `json:"root_cause"`
	Resolution []llmStatement `json:"resolution"`
	Status     []llmStatement `json:"status"`
	Timeline   []llmStatement `json:"timeline"`
}

type llmFollowUps struct {
	Items []struct {
		Text      string `json:"text"`
		Owner     string `json:"owner"`
		Due       string `json:"due"`
		SourceTS  string `json:"source_ts"`
		Captured  bool   `json:"captured"`
		TicketKey string `json:"ticket_key"`
	} `json:"items"`
}

type llmRunbook struct {
	Steps []struct {
		Text    string       `json:"text"`
		Kind    string       `json:"kind"`
		Sources []StepSource `json:"sources"`
	} `json:"steps"`
}

func llmDecodeStrict(b []byte, v any) error {
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		return fmt.Errorf("decode answer: %w", err)
	}
	return nil
}

// llmCleanText makes a drafted string fit to post: one line, no pings.
func llmCleanText(s string) string {
	return SafeText(strings.Join(strings.Fields(s), " "))
}

// llmCleanTS normalises a cited ts the way models tend to garble it when copying from
// "[ts] user: text": surrounding brackets and spaces.
func llmCleanTS(ts string) string {
	return strings.Trim(strings.TrimSpace(ts), "[] ")
}

func llmCleanTSList(in []string) []string {
	out := make([]string, 0, len(in))
	seen := map[string]bool{}
	for _, ts := range in {
		ts = llmCleanTS(ts)
		if ts != "" && !seen[ts] {
			seen[ts] = true
			out = append(out, ts)
		}
	}
	return out
}

func llmSummaryAnswer(inc *Incident, version string, answer []byte) (*SummaryAnswer, error) {
	var s llmSummary
	if err := llmDecodeStrict(answer, &s); err != nil {
		return nil, err
	}
	a := &SummaryAnswer{IncidentID: inc.ID, Engine: EngineLLM, PromptVersion: version, Citations: []Citation{}}
	field := func(sts []llmStatement) string {
		var texts []string
		for _, st := range sts {
			text := llmCleanText(st.Text)
			if text == "" {
				continue
			}
			texts = append(texts, text)
			a.Citations = append(a.Citations, Citation{Text: text, SourceTS: llmCleanTSList(st.SourceTS)})
		}
		return strings.Join(texts, " ")
	}
	a.Summary = Summary{
		Overview:   field(s.Overview),
		Impact:     field(s.Impact),
		RootCause:  field(s.RootCause),
		Resolution: field(s.Resolution),
		Status:     field(s.Status),
		Timeline:   []TimelineEntry{},
	}
	for _, st := range s.Timeline {
		text := llmCleanText(st.Text)
		if text == "" {
			continue
		}
		sources := llmCleanTSList(st.SourceTS)
		a.Summary.Timeline = append(a.Summary.Timeline, TimelineEntry{At: llmTimelineAt(inc, sources), Text: text, SourceTS: sources})
	}
	// Keep the timeline in time order whatever order the model wrote it in; an entry
	// without a time cannot be placed, so then the model's order stands.
	dated := true
	for _, e := range a.Summary.Timeline {
		dated = dated && e.At != ""
	}
	if dated {
		sort.SliceStable(a.Summary.Timeline, func(i, j int) bool { return a.Summary.Timeline[i].At < a.Summary.Timeline[j].At })
	}
	CheckSummaryCitations(inc, a, false)
	return a, nil
}

// llmTimelineAt dates a timeline entry by the earliest of its sources that is a real
// message; an entry with none gets no time rather than one the model made up.
func llmTimelineAt(inc *Incident, sources []string) string {
	var at time.Time
	for _, ts := range sources {
		m := inc.MessageByTS(ts)
		if m == nil || m.Time().IsZero() {
			continue
		}
		if at.IsZero() || m.Time().Before(at) {
			at = m.Time()
		}
	}
	if at.IsZero() {
		return ""
	}
	return at.UTC().Format(time.RFC3339)
}

func llmFollowUpsAnswer(inc *Incident, version string, answer []byte) (*FollowUpsAnswer, error) {
	var f llmFollowUps
	if err := llmDecodeStrict(answer, &f); err != nil {
		return nil, err
	}
	a := &FollowUpsAnswer{IncidentID: inc.ID, Engine: EngineLLM, PromptVersion: version, Items: []FollowUp{}}
	for _, it := range f.Items {
		ts := llmCleanTS(it.SourceTS)
		text := llmCleanText(it.Text)
		if text == "" || inc.MessageByTS(ts) == nil {
			continue
		}
		key := llmKnownTicketKey(inc, strings.TrimSpace(it.TicketKey))
		a.Items = append(a.Items, FollowUp{
			Text:  text,
			Owner: strings.TrimLeft(llmCleanText(it.Owner), "@"),
			Due:   llmCleanText(it.Due),
			// A capture is believed only with a ticket the incident knows: a made-up
			// key would hide exactly the follow-up this capability exists to surface.
			Captured:  key != "",
			TicketKey: key,
			SourceTS:  ts,
		})
	}
	return a, nil
}

// llmKnownTicketKey returns the incident's spelling of key when key names one of its
// tickets or appears in its transcript, "" otherwise.
func llmKnownTicketKey(inc *Incident, key string) string {
	if key == "" {
		return ""
	}
	for _, t := range inc.Tickets {
		if strings.EqualFold(t.Key, key) {
			return llmCleanText(t.Key)
		}
	}
	lk := strings.ToLower(key)
	for _, m := range inc.Messages {
		if strings.Contains(strings.ToLower(m.Text), lk) {
			return llmCleanText(key)
		}
	}
	return ""
}

func llmRunbookAnswer(inc *Incident, past []*Incident, ids map[string]string, version string, runbooks []RunbookMatch, answer []byte) (*RunbookAnswer, error) {
	var r llmRunbook
	if err := llmDecodeStrict(answer, &r); err != nil {
		return nil, err
	}
	known := make(map[string]*Incident, len(past))
	for _, p := range past {
		known[p.ID] = p
	}
	a := &RunbookAnswer{IncidentID: inc.ID, Engine: EngineLLM, PromptVersion: version, Steps: []RunbookStep{}, Runbooks: runbooks}
	for _, st := range r.Steps {
		text := llmCleanText(st.Text)
		if text == "" {
			continue
		}
		sources := make([]StepSource, 0, len(st.Sources))
		for _, s := range st.Sources {
			id := strings.TrimSpace(s.IncidentID)
			if orig, ok := ids[id]; ok {
				id = orig
			}
			sources = append(sources, StepSource{IncidentID: id, SourceTS: llmCleanTS(s.SourceTS)})
		}
		sources = ValidStepSources(known, sources)
		if len(sources) == 0 {
			continue
		}
		a.Steps = append(a.Steps, RunbookStep{Text: text, Kind: st.Kind, Sources: sources})
	}
	return a, nil
}
