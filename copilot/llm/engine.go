package llm

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/tmc/langchaingo/llms"

	"github.com/incidentcopilot/incident-copilot/copilot"
	"github.com/incidentcopilot/incident-copilot/copilot/text"
	"github.com/incidentcopilot/incident-copilot/prompts"
)

// Fallback reasons, as they appear in an answer's "fallback" field.
const (
	FallbackTimeout       = "timeout"
	FallbackProviderError = "provider_error"
	FallbackInvalidOutput = "invalid_output"
)

// Defaults for a zero Engine field.
const (
	DefaultTimeout          = 60 * time.Second
	DefaultMaxContextTokens = 8000
)

// Engine drafts answers with a language model through langchaingo. The model only
// ever drafts text: its answer is data, parsed strictly against the prompt's schema and
// checked against the transcript, so nothing written in a transcript can make the
// copilot act. When the model is slow, fails or keeps answering out of schema, the
// Fallback engine answers and the answer says why.
type Engine struct {
	Model llms.Model
	// ModelName names the model in Info (the provider's name for it); empty reads
	// "model".
	ModelName string
	Fallback  copilot.Engine
	// Timeout bounds each model call (the first and the repair); zero means
	// DefaultTimeout.
	Timeout time.Duration
	// MaxContextTokens is the model's context window; long transcripts are cut down to
	// their most informative messages to fit it. Zero means DefaultMaxContextTokens.
	MaxContextTokens int
	// Redact masks secrets in every text before it leaves the process (cmd wires
	// redact.String). It is required: an engine without it refuses to answer rather
	// than send unmasked text.
	Redact func(string) string
}

var _ copilot.Engine = (*Engine)(nil)

// Info names the engine with its model and the versions of the prompts it sends,
// e.g. "gpt-4o-mini summary/v1 followups/v1 runbook/v1 repair/v1".
func (e *Engine) Info() copilot.EngineInfo {
	v := []string{cmp.Or(e.ModelName, "model")}
	for _, id := range []string{prompts.Summary, prompts.FollowUps, prompts.Runbook, prompts.Repair} {
		if t, err := prompts.Get(id); err == nil {
			v = append(v, t.Version)
		}
	}
	return copilot.EngineInfo{Name: copilot.EngineLLM, Version: strings.Join(v, " ")}
}

func (e *Engine) timeout() time.Duration { return positiveOr(e.Timeout, DefaultTimeout) }

func (e *Engine) maxContext() int { return positiveOr(e.MaxContextTokens, DefaultMaxContextTokens) }

// outputReserve is the part of the context window kept for the answer.
func (e *Engine) outputReserve() int {
	return min(2048, e.maxContext()/4)
}

func (e *Engine) redact(s string) string { return e.Redact(s) }

// configured refuses an engine that could send unmasked text.
func (e *Engine) configured() error {
	if e.Redact == nil {
		return copilot.Errorf(copilot.EINTERNAL, "The LLM engine has no masker (Redact) and will not send unmasked text.")
	}
	return nil
}

func (e *Engine) redactAll(xs []string) []string {
	out := make([]string, len(xs))
	for i, x := range xs {
		out[i] = e.redact(x)
	}
	return out
}

// Summarize drafts a cited summary of inc. Statements whose citations do not hold
// stay in the answer and are counted in FlaggedSentences.
func (e *Engine) Summarize(ctx context.Context, inc *copilot.Incident) (*copilot.SummaryAnswer, error) {
	if err := e.configured(); err != nil {
		return nil, err
	}
	if err := answerable(inc); err != nil {
		return nil, err
	}
	tmpl, err := prompts.Get(prompts.Summary)
	if err != nil {
		return nil, fmt.Errorf("summary prompt: %w", err)
	}
	in := e.incidentInput(inc)
	e.fitTranscript(tmpl, &in, inc.Messages)
	out, reason, err := e.ask(ctx, tmpl, in)
	if err != nil {
		return nil, fmt.Errorf("llm summary: %w", err)
	}
	if reason != "" {
		if e.Fallback == nil {
			return nil, noFallback(reason)
		}
		a, err := e.Fallback.Summarize(ctx, inc)
		if err != nil {
			return nil, err
		}
		a.Engine, a.Fallback = copilot.EngineLocal, reason
		return a, nil
	}
	return summaryAnswer(inc, tmpl.Version, out)
}

// FollowUps lists the improvements proposed in inc. Items whose source message is not
// in the transcript are dropped; a ticket key the incident does not know is not
// trusted as a capture.
func (e *Engine) FollowUps(ctx context.Context, inc *copilot.Incident) (*copilot.FollowUpsAnswer, error) {
	if err := e.configured(); err != nil {
		return nil, err
	}
	if err := answerable(inc); err != nil {
		return nil, err
	}
	tmpl, err := prompts.Get(prompts.FollowUps)
	if err != nil {
		return nil, fmt.Errorf("follow-ups prompt: %w", err)
	}
	in := e.incidentInput(inc)
	for _, t := range inc.Tickets {
		in.Tickets = append(in.Tickets, prompts.TicketInput{Key: e.redact(t.Key), Title: e.redact(t.Title), Status: e.redact(t.Status)})
	}
	e.fitTranscript(tmpl, &in, inc.Messages)
	out, reason, err := e.ask(ctx, tmpl, in)
	if err != nil {
		return nil, fmt.Errorf("llm follow-ups: %w", err)
	}
	if reason != "" {
		if e.Fallback == nil {
			return nil, noFallback(reason)
		}
		a, err := e.Fallback.FollowUps(ctx, inc)
		if err != nil {
			return nil, err
		}
		a.Engine, a.Fallback = copilot.EngineLocal, reason
		return a, nil
	}
	return followUpsAnswer(inc, tmpl.Version, out)
}

// Runbook drafts steps from how the similar incidents were mitigated. A step keeps
// only the sources that point at a real message of a similar incident, and a step
// left without sources is dropped.
func (e *Engine) Runbook(ctx context.Context, inc *copilot.Incident, similar []*copilot.Incident, runbooks []copilot.RunbookMatch) (*copilot.RunbookAnswer, error) {
	if err := e.configured(); err != nil {
		return nil, err
	}
	if inc == nil {
		return nil, copilot.Errorf(copilot.EINVALID, "no incident to suggest a runbook for")
	}
	tmpl, err := prompts.Get(prompts.Runbook)
	if err != nil {
		return nil, fmt.Errorf("runbook prompt: %w", err)
	}
	if runbooks == nil {
		runbooks = []copilot.RunbookMatch{}
	}
	var past []*copilot.Incident
	for _, s := range similar {
		// The incident itself (passed so the local engine can start a finished
		// incident's runbook with its own fix) is not a past incident to the model.
		if s != nil && s.ID != inc.ID && len(s.Messages) > 0 {
			past = append(past, s)
		}
	}
	if len(past) == 0 {
		// Steps must come from past incidents; without any there is nothing to ask.
		return &copilot.RunbookAnswer{IncidentID: inc.ID, Engine: copilot.EngineLLM, PromptVersion: tmpl.Version, Steps: []copilot.RunbookStep{}, Runbooks: runbooks}, nil
	}
	in := e.incidentInput(inc)
	for _, r := range runbooks {
		in.Runbooks = append(in.Runbooks, e.redact(r.Title))
	}
	// The model sees redacted ids; map them back so its sources can be checked.
	ids := map[string]string{}
	for _, s := range past {
		rid := e.redact(s.ID)
		ids[rid] = s.ID
		in.Similar = append(in.Similar, prompts.SimilarInput{IncidentID: rid, Title: e.redact(s.Title)})
	}
	e.fitRunbook(tmpl, &in, inc, past)
	out, reason, err := e.ask(ctx, tmpl, in)
	if err != nil {
		return nil, fmt.Errorf("llm runbook: %w", err)
	}
	if reason != "" {
		if e.Fallback == nil {
			return nil, noFallback(reason)
		}
		a, err := e.Fallback.Runbook(ctx, inc, similar, runbooks)
		if err != nil {
			return nil, err
		}
		a.Engine, a.Fallback = copilot.EngineLocal, reason
		return a, nil
	}
	return runbookAnswer(inc, past, ids, tmpl.Version, runbooks, out)
}

func answerable(inc *copilot.Incident) error {
	if inc == nil {
		return copilot.Errorf(copilot.EINVALID, "no incident given")
	}
	if len(inc.Messages) == 0 {
		return copilot.Errorf(copilot.EINVALID, "incident %s has no messages to draft from", inc.ID)
	}
	return nil
}

func noFallback(reason string) error {
	return copilot.Errorf(copilot.EUNAVAILABLE, "The language model did not give a usable answer (%s) and no local engine is configured.", reason)
}

// incidentInput is the redacted header of a prompt.
func (e *Engine) incidentInput(inc *copilot.Incident) prompts.Input {
	return prompts.Input{
		IncidentID: e.redact(inc.ID),
		Title:      e.redact(inc.Title),
		Severity:   e.redact(inc.Severity),
		Services:   e.redactAll(inc.Services),
	}
}

// ask sends the prompt and returns the answer's JSON once it passes the schema. A
// non-empty reason means the fallback engine should answer instead; an error means
// the caller's context ended and no answer is wanted at all.
func (e *Engine) ask(ctx context.Context, tmpl *prompts.Template, in prompts.Input) (answer []byte, reason string, err error) {
	system, user, err := tmpl.RenderParts(in)
	if err != nil {
		return nil, "", err
	}
	msgs := []llms.MessageContent{
		llms.TextParts(llms.ChatMessageTypeSystem, system),
		llms.TextParts(llms.ChatMessageTypeHuman, user),
	}
	raw, reason, err := e.call(ctx, msgs)
	if reason != "" || err != nil {
		return nil, reason, err
	}
	out, verr := checkAnswer(tmpl, raw)
	if verr == nil {
		return out, "", nil
	}

	// One repair round: the model sees its answer and what was wrong with it. Both are
	// redacted again: the answer may echo transcript text, and it leaves the process.
	repair, err := prompts.Get(prompts.Repair)
	if err != nil {
		return nil, "", err
	}
	_, fix, err := repair.RenderParts(prompts.RepairInput{Error: e.redact(verr.Error()), Schema: tmpl.Schema})
	if err != nil {
		return nil, "", err
	}
	msgs = append(msgs,
		llms.TextParts(llms.ChatMessageTypeAI, e.redact(text.ClipBytes(raw, 8000, ""))),
		llms.TextParts(llms.ChatMessageTypeHuman, fix),
	)
	raw, reason, err = e.call(ctx, msgs)
	if reason != "" || err != nil {
		return nil, reason, err
	}
	if out, verr = checkAnswer(tmpl, raw); verr != nil {
		return nil, FallbackInvalidOutput, nil
	}
	return out, "", nil
}

// call makes one model call bounded by the engine's timeout.
func (e *Engine) call(ctx context.Context, msgs []llms.MessageContent) (string, string, error) {
	if e.Model == nil {
		return "", FallbackProviderError, nil
	}
	cctx, cancel := context.WithTimeout(ctx, e.timeout())
	defer cancel()
	resp, err := e.Model.GenerateContent(cctx, msgs, llms.WithTemperature(0), llms.WithMaxTokens(e.outputReserve()))
	if err != nil {
		if ctx.Err() != nil {
			// The caller gave up: nobody is waiting for a fallback answer either.
			return "", "", ctx.Err()
		}
		if cctx.Err() != nil || errors.Is(err, context.DeadlineExceeded) || isTimeout(err) {
			return "", FallbackTimeout, nil
		}
		return "", FallbackProviderError, nil
	}
	if resp == nil || len(resp.Choices) == 0 || resp.Choices[0] == nil {
		return "", "", nil
	}
	return resp.Choices[0].Content, "", nil
}

// isTimeout recognises timeouts that providers report without wrapping the context
// error (langchaingo's clients replace it with their own message).
func isTimeout(err error) bool {
	var le *llms.Error
	if errors.As(err, &le) && le.Code == llms.ErrCodeTimeout {
		return true
	}
	return strings.Contains(strings.ToLower(err.Error()), "timeout")
}

// checkAnswer extracts the JSON object from a model answer and validates it.
func checkAnswer(tmpl *prompts.Template, raw string) ([]byte, error) {
	b, err := extractJSON(raw)
	if err != nil {
		return nil, err
	}
	if err := tmpl.Validate(b); err != nil {
		return nil, err
	}
	return b, nil
}

// extractJSON returns the JSON object of an answer. The answer must be that object
// alone; the one courtesy is a Markdown code fence around it, which many models add
// even when told not to.
func extractJSON(raw string) ([]byte, error) {
	s := strings.TrimSpace(raw)
	if rest, ok := strings.CutPrefix(s, "```"); ok {
		lang, body, ok := strings.Cut(rest, "\n")
		if !ok {
			return nil, errors.New("the answer is an unterminated code fence; answer with the JSON object only")
		}
		if l := strings.TrimSpace(lang); l != "" && !strings.EqualFold(l, "json") {
			return nil, fmt.Errorf("the answer is a %q code block; answer with the JSON object only", text.ClipBytes(l, 20, ""))
		}
		body = strings.TrimSpace(body)
		inner, ok := strings.CutSuffix(body, "```")
		if !ok {
			return nil, errors.New("the code fence around the answer is not closed; answer with the JSON object only")
		}
		s = strings.TrimSpace(inner)
	}
	if s == "" {
		return nil, errors.New("the answer is empty; answer with the JSON object")
	}
	if s[0] != '{' {
		return nil, errors.New("the answer does not start with a JSON object; answer with the JSON object only, no text around it")
	}
	return []byte(s), nil
}

// positiveOr returns v when it is set (positive), else the default.
func positiveOr[T int | float64 | time.Duration](v, def T) T {
	if v > 0 {
		return v
	}
	return def
}
