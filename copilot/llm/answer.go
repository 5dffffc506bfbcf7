package llm

import (
	"bytes"
	"encoding/json"
	"fmt"
	"sort"
	"strings"
	"time"

	"github.com/incidentcopilot/incident-copilot/copilot"
)

// The shapes of the model's answers, as the prompts' schemas declare them. They are
// decoded only after the schema validated the answer, and decoded strictly anyway.

type statement struct {
	Text     string   `json:"text"`
	SourceTS []string `json:"source_ts"`
}

type summaryOut struct {
	Overview   []statement `json:"overview"`
	Impact     []statement `json:"impact"`
	RootCause  []statement `json:"root_cause"`
	Resolution []statement `json:"resolution"`
	Status     []statement `json:"status"`
	Timeline   []statement `json:"timeline"`
}

type followUpsOut struct {
	Items []struct {
		Text      string `json:"text"`
		Owner     string `json:"owner"`
		Due       string `json:"due"`
		SourceTS  string `json:"source_ts"`
		Captured  bool   `json:"captured"`
		TicketKey string `json:"ticket_key"`
	} `json:"items"`
}

type runbookOut struct {
	Steps []struct {
		Text    string               `json:"text"`
		Kind    string               `json:"kind"`
		Sources []copilot.StepSource `json:"sources"`
	} `json:"steps"`
}

func decodeStrict(b []byte, v any) error {
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		return fmt.Errorf("decode answer: %w", err)
	}
	return nil
}

// cleanText makes a drafted string fit to post: one line, no pings.
func cleanText(s string) string {
	return copilot.SafeText(strings.Join(strings.Fields(s), " "))
}

// cleanTS normalises a cited ts the way models tend to garble it when copying from
// "[ts] user: text": surrounding brackets and spaces.
func cleanTS(ts string) string {
	return strings.Trim(strings.TrimSpace(ts), "[] ")
}

func cleanTSList(in []string) []string {
	out := make([]string, 0, len(in))
	seen := map[string]bool{}
	for _, ts := range in {
		ts = cleanTS(ts)
		if ts != "" && !seen[ts] {
			seen[ts] = true
			out = append(out, ts)
		}
	}
	return out
}

func summaryAnswer(inc *copilot.Incident, version string, answer []byte) (*copilot.SummaryAnswer, error) {
	var s summaryOut
	if err := decodeStrict(answer, &s); err != nil {
		return nil, err
	}
	a := &copilot.SummaryAnswer{IncidentID: inc.ID, Engine: copilot.EngineLLM, PromptVersion: version, Citations: []copilot.Citation{}}
	field := func(sts []statement) string {
		var texts []string
		for _, st := range sts {
			text := cleanText(st.Text)
			if text == "" {
				continue
			}
			texts = append(texts, text)
			a.Citations = append(a.Citations, copilot.Citation{Text: text, SourceTS: cleanTSList(st.SourceTS)})
		}
		return strings.Join(texts, " ")
	}
	a.Summary = copilot.Summary{
		Overview:   field(s.Overview),
		Impact:     field(s.Impact),
		RootCause:  field(s.RootCause),
		Resolution: field(s.Resolution),
		Status:     field(s.Status),
		Timeline:   []copilot.TimelineEntry{},
	}
	for _, st := range s.Timeline {
		text := cleanText(st.Text)
		if text == "" {
			continue
		}
		sources := cleanTSList(st.SourceTS)
		a.Summary.Timeline = append(a.Summary.Timeline, copilot.TimelineEntry{At: timelineAt(inc, sources), Text: text, SourceTS: sources})
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
	copilot.CheckSummaryCitations(inc, a, false)
	return a, nil
}

// timelineAt dates a timeline entry by the earliest of its sources that is a real
// message; an entry with none gets no time rather than one the model made up.
func timelineAt(inc *copilot.Incident, sources []string) string {
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

func followUpsAnswer(inc *copilot.Incident, version string, answer []byte) (*copilot.FollowUpsAnswer, error) {
	var f followUpsOut
	if err := decodeStrict(answer, &f); err != nil {
		return nil, err
	}
	a := &copilot.FollowUpsAnswer{IncidentID: inc.ID, Engine: copilot.EngineLLM, PromptVersion: version, Items: []copilot.FollowUp{}}
	for _, it := range f.Items {
		ts := cleanTS(it.SourceTS)
		text := cleanText(it.Text)
		if text == "" || inc.MessageByTS(ts) == nil {
			continue
		}
		key := knownTicketKey(inc, strings.TrimSpace(it.TicketKey))
		a.Items = append(a.Items, copilot.FollowUp{
			Text:  text,
			Owner: strings.TrimLeft(cleanText(it.Owner), "@"),
			Due:   cleanText(it.Due),
			// A capture is believed only with a ticket the incident knows: a made-up
			// key would hide exactly the follow-up this capability exists to surface.
			Captured:  key != "",
			TicketKey: key,
			SourceTS:  ts,
		})
	}
	return a, nil
}

// knownTicketKey returns the incident's spelling of key when key names one of its
// tickets or appears in its transcript, "" otherwise.
func knownTicketKey(inc *copilot.Incident, key string) string {
	if key == "" {
		return ""
	}
	for _, t := range inc.Tickets {
		if strings.EqualFold(t.Key, key) {
			return cleanText(t.Key)
		}
	}
	lk := strings.ToLower(key)
	for _, m := range inc.Messages {
		if strings.Contains(strings.ToLower(m.Text), lk) {
			return cleanText(key)
		}
	}
	return ""
}

func runbookAnswer(inc *copilot.Incident, past []*copilot.Incident, ids map[string]string, version string, runbooks []copilot.RunbookMatch, answer []byte) (*copilot.RunbookAnswer, error) {
	var r runbookOut
	if err := decodeStrict(answer, &r); err != nil {
		return nil, err
	}
	known := make(map[string]*copilot.Incident, len(past))
	for _, p := range past {
		known[p.ID] = p
	}
	a := &copilot.RunbookAnswer{IncidentID: inc.ID, Engine: copilot.EngineLLM, PromptVersion: version, Steps: []copilot.RunbookStep{}, Runbooks: runbooks}
	for _, st := range r.Steps {
		text := cleanText(st.Text)
		if text == "" {
			continue
		}
		sources := make([]copilot.StepSource, 0, len(st.Sources))
		for _, s := range st.Sources {
			id := strings.TrimSpace(s.IncidentID)
			if orig, ok := ids[id]; ok {
				id = orig
			}
			sources = append(sources, copilot.StepSource{IncidentID: id, SourceTS: cleanTS(s.SourceTS)})
		}
		sources = copilot.ValidStepSources(known, sources)
		if len(sources) == 0 {
			continue
		}
		a.Steps = append(a.Steps, copilot.RunbookStep{Text: text, Kind: st.Kind, Sources: sources})
	}
	return a, nil
}
