package evals

import (
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"

	"github.com/incidentcopilot/incident-copilot/copilot"
	"github.com/incidentcopilot/incident-copilot/copilot/transcript"
)

// Corpus is a set of incident transcripts with their labels.
type Corpus struct {
	Dir string
	// Incidents are the labelled incidents, in the order of the label files
	// (sorted by name) and of the incidents inside them.
	Incidents []*LabeledIncident
	// All holds every incident read from the transcripts, labelled or not (search
	// evaluations use the unlabelled ones as distractors).
	All []*copilot.Incident
}

// Mask masks every incident of the corpus in place, as the memory masks at ingest
// and the Copilot service masks incidents given whole: engines only ever see masked
// text in production, and an evaluation measures what production would answer.
func (c *Corpus) Mask(mask func(string) string) {
	seen := map[*copilot.Incident]bool{}
	for _, inc := range c.All {
		seen[inc] = true
		copilot.MaskIncident(inc, mask)
	}
	for _, li := range c.Incidents {
		if !seen[li.Incident] {
			copilot.MaskIncident(li.Incident, mask)
		}
	}
}

// LabelsFollowUps reports whether the dataset labels follow-ups at all (some
// incident has followups or not_followups). A dataset labelled only for search and
// summaries says nothing about them, so follow-up metrics leave it out rather than
// count every predicted item as wrong.
func (c *Corpus) LabelsFollowUps() bool {
	for _, li := range c.Incidents {
		if len(li.Labels.FollowUps) > 0 || len(li.Labels.NotFollowUps) > 0 {
			return true
		}
	}
	return false
}

// LabeledIncident is one incident and what a person said is true about it.
type LabeledIncident struct {
	Incident *copilot.Incident
	Labels   Labels
	// Source names the labels file the labels came from ("documents", "slack").
	Source string
	// Dataset names the dataset (its folder's name) the incident belongs to.
	Dataset string
	// people maps the names a Slack export gives each user (handle, display name,
	// real name; lowercased) to the user's id: nil for datasets without users.json.
	people map[string]string
}

// SameOwner reports whether two owner names are the same person: equal as written
// (case and a leading @ ignored), or two names the dataset's Slack export gives one
// user. The engine names people by their display name ("priya"), as the channel
// shows them, while a labeller may write the handle ("priya.n").
func (li *LabeledIncident) SameOwner(a, b string) bool {
	a, b = normOwner(a), normOwner(b)
	if a == b {
		return true
	}
	id := li.people[a]
	return id != "" && id == li.people[b]
}

// normOwner is an owner as compared: without an "@", case or a role in
// parentheses ("Maya (support lead)" is Maya; writers note the role or not).
func normOwner(s string) string {
	s = ownerRoleRE.ReplaceAllString(s, "")
	return strings.ToLower(strings.TrimPrefix(strings.TrimSpace(s), "@"))
}

var ownerRoleRE = regexp.MustCompile(`\s*\([^()]*\)`)

// readPeople reads dir/slack/users.json, when there is one, into a map from each
// name of a user to its id. A name two users share is left out: it names nobody.
func readPeople(dir string) (map[string]string, error) {
	p := filepath.Join(dir, "slack", "users.json")
	data, err := os.ReadFile(p)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", p, err)
	}
	names, err := transcript.SlackUserNames(p, data)
	if err != nil {
		return nil, err
	}
	people, shared := map[string]string{}, map[string]bool{}
	for id, ns := range names {
		for _, n := range ns {
			n = normOwner(n)
			if other, ok := people[n]; ok && other != id {
				shared[n] = true
			}
			people[n] = id
		}
	}
	for n := range shared {
		delete(people, n)
	}
	return people, nil
}

// Labels is one incident's entry in a labels file.
type Labels struct {
	ID           string         `json:"id"`
	Family       string         `json:"family"`
	File         string         `json:"file"`
	FollowUps    []GoldFollowUp `json:"followups"`
	NotFollowUps []string       `json:"not_followups"`
	MitigationTS []string       `json:"mitigation_ts"`
	ResolvedTS   string         `json:"resolved_ts"`
	RootCauseTS  []string       `json:"root_cause_ts"`

	// Split is "dev" for data the engine may be tuned on and "test" for held-out
	// data it must generalise to; a missing split means "dev" (see SplitOf).
	Split string `json:"split,omitempty"`
	// RootCause is the trigger or cause in a sentence or two, with the messages
	// that state it (not the fix).
	RootCause *GoldStatement `json:"root_cause,omitempty"`
	// Impact is who was affected and how much, as said in the transcript (numbers,
	// durations, regions), with the messages that say it.
	Impact *GoldStatement `json:"impact,omitempty"`
	// Mitigation is the first action that stopped the bleeding, with its messages.
	Mitigation *GoldStatement `json:"mitigation,omitempty"`
	// RunbookSteps are the actions that really fixed the incident, in order.
	RunbookSteps []GoldRunbookStep `json:"runbook_steps,omitempty"`
}

// SplitDev and SplitTest are the values of Labels.Split.
const (
	SplitDev  = "dev"
	SplitTest = "test"
)

// SplitOf is the split of l: its Split field, or SplitDev when it is empty.
func (l Labels) SplitOf() string {
	if l.Split == "" {
		return SplitDev
	}
	return l.Split
}

// GoldStatement is a labelled statement about an incident (its root cause,
// impact or mitigation): the text a person would write and the messages it rests on.
type GoldStatement struct {
	Text string   `json:"text"`
	TS   []string `json:"ts"`
}

// GoldRunbookStep is one action that fixed an incident: an imperative step naming
// what was changed, the message that did or announced it, and how the responders
// saw it work ("" when the transcript does not say).
type GoldRunbookStep struct {
	Text  string `json:"text"`
	TS    string `json:"ts"`
	Check string `json:"check"`
}

// GoldFollowUp is a labelled follow-up: the message that states it and whether a
// ticket covers it.
type GoldFollowUp struct {
	TS        string `json:"ts"`
	Text      string `json:"text"`
	Owner     string `json:"owner"`
	Due       string `json:"due"`
	Captured  bool   `json:"captured"`
	TicketKey string `json:"ticket_key"`
}

type labelsFile struct {
	// Transcripts, in a dataset's labels.json, is the folder holding its transcripts.
	Transcripts string   `json:"transcripts,omitempty"`
	Incidents   []Labels `json:"incidents"`
}

// transcriptDirs are the corpus folders holding transcripts, read when present.
var transcriptDirs = []string{"documents", "slack", "postmortems"}

// LoadCorpus reads dir/labels/*.json and the transcripts under dir (documents/,
// slack/, postmortems/ — whichever exist) through transcript.Read. A dataset whose
// transcripts live elsewhere (public data read by path, never copied into the
// repository) is instead one dir/labels.json whose "transcripts" field names that
// folder, relative to dir. Every labelled incident must exist in the transcripts and
// every ts a label names must be one of its messages: a label that points nowhere
// would silently skew the metrics.
//
// Errors: EINVALID naming the labels file and incident for bad labels; ENOTFOUND
// when dir has neither labels folder nor labels.json, or the folder labels.json
// names does not exist; whatever transcript.Read returns.
func LoadCorpus(dir string) (*Corpus, error) {
	labelFiles, err := filepath.Glob(filepath.Join(dir, "labels", "*.json"))
	if err != nil {
		return nil, fmt.Errorf("list labels: %w", err)
	}
	sort.Strings(labelFiles)
	var paths []string
	if len(labelFiles) == 0 {
		lf := filepath.Join(dir, "labels.json")
		data, err := os.ReadFile(lf)
		if errors.Is(err, fs.ErrNotExist) {
			return nil, copilot.Errorf(copilot.ENOTFOUND, "%s: no labels/*.json and no labels.json", dir)
		}
		if err != nil {
			return nil, fmt.Errorf("read labels: %w", err)
		}
		var f labelsFile
		if err := json.Unmarshal(data, &f); err != nil {
			return nil, copilot.Errorf(copilot.EINVALID, "labels.json: %v", err)
		}
		if strings.TrimSpace(f.Transcripts) == "" {
			return nil, copilot.Errorf(copilot.EINVALID, "labels.json: transcripts: missing (the folder of the transcripts, relative to %s)", dir)
		}
		p := f.Transcripts
		if !filepath.IsAbs(p) {
			p = filepath.Join(dir, p)
		}
		if _, err := os.Stat(p); errors.Is(err, fs.ErrNotExist) {
			return nil, copilot.Errorf(copilot.ENOTFOUND, "%s: transcripts folder %s not found", dir, p)
		} else if err != nil {
			return nil, fmt.Errorf("stat %s: %w", p, err)
		}
		labelFiles, paths = []string{lf}, []string{p}
	}

	for _, d := range transcriptDirs {
		p := filepath.Join(dir, d)
		if _, err := os.Stat(p); err == nil {
			paths = append(paths, p)
		} else if !errors.Is(err, fs.ErrNotExist) {
			return nil, fmt.Errorf("stat %s: %w", p, err)
		}
	}
	all, err := transcript.Read(paths, transcript.Options{})
	if err != nil {
		return nil, fmt.Errorf("read corpus transcripts: %w", err)
	}
	byID := make(map[string]*copilot.Incident, len(all))
	for _, inc := range all {
		byID[inc.ID] = inc
	}

	people, err := readPeople(dir)
	if err != nil {
		return nil, err
	}
	c := &Corpus{Dir: dir, All: all}
	seen := map[string]string{}
	for _, lf := range labelFiles {
		name := filepath.Base(lf)
		shown := name
		if filepath.Base(filepath.Dir(lf)) == "labels" {
			shown = "labels/" + name
		}
		data, err := os.ReadFile(lf)
		if err != nil {
			return nil, fmt.Errorf("read labels: %w", err)
		}
		var f labelsFile
		if err := json.Unmarshal(data, &f); err != nil {
			return nil, copilot.Errorf(copilot.EINVALID, "%s: %v", shown, err)
		}
		for i, l := range f.Incidents {
			if l.ID == "" {
				return nil, copilot.Errorf(copilot.EINVALID, "%s: incidents[%d].id: missing", shown, i)
			}
			if prev, dup := seen[l.ID]; dup {
				return nil, copilot.Errorf(copilot.EINVALID, "%s: incident %s is also labelled in %s", shown, l.ID, prev)
			}
			seen[l.ID] = name
			inc := byID[l.ID]
			if inc == nil {
				return nil, copilot.Errorf(copilot.EINVALID, "%s: incident %s: not found in the transcripts", shown, l.ID)
			}
			if err := checkLabels(inc, l); err != nil {
				return nil, copilot.Errorf(copilot.EINVALID, "%s: incident %s: %v", shown, l.ID, err)
			}
			c.Incidents = append(c.Incidents, &LabeledIncident{
				Incident: inc,
				Labels:   l,
				Source:   name[:len(name)-len(filepath.Ext(name))],
				Dataset:  filepath.Base(dir),
				people:   people,
			})
		}
	}
	return c, nil
}

// checkLabels verifies that every ts a label names is a message of the incident.
func checkLabels(inc *copilot.Incident, l Labels) error {
	check := func(field, ts string) error {
		if inc.MessageByTS(ts) == nil {
			return fmt.Errorf("%s: ts %s is not a message of the incident", field, ts)
		}
		return nil
	}
	for i, f := range l.FollowUps {
		if err := check(fmt.Sprintf("followups[%d]", i), f.TS); err != nil {
			return err
		}
	}
	for _, group := range []struct {
		field string
		ts    []string
	}{{"not_followups", l.NotFollowUps}, {"mitigation_ts", l.MitigationTS}, {"root_cause_ts", l.RootCauseTS}} {
		for _, ts := range group.ts {
			if err := check(group.field, ts); err != nil {
				return err
			}
		}
	}
	for _, st := range []struct {
		field string
		s     *GoldStatement
	}{{"root_cause", l.RootCause}, {"impact", l.Impact}, {"mitigation", l.Mitigation}} {
		if st.s == nil {
			continue
		}
		for i, ts := range st.s.TS {
			if err := check(fmt.Sprintf("%s.ts[%d]", st.field, i), ts); err != nil {
				return err
			}
		}
	}
	for i, step := range l.RunbookSteps {
		if err := check(fmt.Sprintf("runbook_steps[%d]", i), step.TS); err != nil {
			return err
		}
	}
	switch l.Split {
	case "", SplitDev, SplitTest:
	default:
		return fmt.Errorf("split: %q is neither %q nor %q", l.Split, SplitDev, SplitTest)
	}
	if l.ResolvedTS != "" {
		return check("resolved_ts", l.ResolvedTS)
	}
	return nil
}
