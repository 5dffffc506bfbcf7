package slack

import (
	"context"
	"encoding/json"
	"errors"
	"io"
	"log/slog"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"time"

	slackgo "github.com/slack-go/slack"
	"github.com/slack-go/slack/slackevents"

	"github.com/incidentcopilot/incident-copilot/copilot"
)

// Store is what the Slack copilot keeps in the database: the masked events it
// acknowledged (queued for work in the same transaction), the channels it knows,
// the replies it posted and the feedback it was given.
type Store interface {
	// AcceptChatEvent stores the event and queues its work; false for an id already
	// stored. Errors: EINVALID, EUNAVAILABLE.
	AcceptChatEvent(ctx context.Context, ev copilot.ChatEvent) (bool, error)
	// ChatEvent returns a stored event. Errors: ENOTFOUND, EUNAVAILABLE.
	ChatEvent(ctx context.Context, id string) (copilot.ChatEvent, error)
	// ChatChannel returns what is known of a channel. Errors: ENOTFOUND, EUNAVAILABLE.
	ChatChannel(ctx context.Context, id string) (copilot.ChatChannel, error)
	// SaveChatChannel stores it. Errors: EUNAVAILABLE.
	SaveChatChannel(ctx context.Context, ch copilot.ChatChannel) error
	// PostedReply returns the ts of the reply posted for key, or "". Errors: EUNAVAILABLE.
	PostedReply(ctx context.Context, key string) (string, error)
	// RecordReply remembers it. Errors: EUNAVAILABLE.
	RecordReply(ctx context.Context, key, channel, ts string) error
	// RecordChatAnswer remembers an answer for its feedback. Errors: EUNAVAILABLE.
	RecordChatAnswer(ctx context.Context, a copilot.ChatAnswer) error
	// RecordFeedback stores one verdict once. Errors: EINVALID, EUNAVAILABLE.
	RecordFeedback(ctx context.Context, f copilot.Feedback) error
	// LockChatChannel serialises the changes of one channel's transcript.
	// Errors: EUNAVAILABLE.
	LockChatChannel(ctx context.Context, channelID string) (unlock func(), err error)
	// LatestMessageChange returns the stored edit or deletion of a channel's message
	// that Slack sent last (by its event ts), so events worked out of order end in
	// the same transcript.
	LatestMessageChange(ctx context.Context, channelID, ts string) (payload []byte, found bool, err error)
	// ChatIncidentChannels returns the incident channels whose incident is not
	// resolved. Errors: EUNAVAILABLE.
	ChatIncidentChannels(ctx context.Context) ([]copilot.ChatChannel, error)
	// QueueChatCatchup queues a catch-up of a channel, once while one is queued or
	// running (false then). Errors: EINVALID, EUNAVAILABLE.
	QueueChatCatchup(ctx context.Context, channelID string) (bool, error)
}

// DefaultChannelPattern is the name of an incident channel, as for Slack exports.
const DefaultChannelPattern = `^inc[-_]`

// warmUpText looks like a credential so that every rule set of a masker is built.
const warmUpText = "password=hunter2-warm-up xoxb-0000000000-0000000000-warmupwarmupwarmup"

// DefaultMaxBody bounds a Slack request; Slack's own payloads are far smaller.
const DefaultMaxBody = 1 << 20

// Options configure a Handler.
type Options struct {
	// SigningSecret verifies every request (required).
	SigningSecret string
	// Client talks to Slack's Web API (required).
	Client *slackgo.Client
	Store  Store
	// Copilot answers; its Memory receives the live transcripts (required).
	Copilot *copilot.Copilot
	// Redact masks secrets in everything stored (required).
	Redact func(string) string
	// ChannelPattern names incident channels; DefaultChannelPattern when nil.
	ChannelPattern *regexp.Regexp
	MaxBody        int64
	// BackfillPage is the page size of conversations.history; DefaultBackfillPage when 0.
	BackfillPage int
	// NameCacheSize bounds the cache of people's names (DefaultNameCacheSize when
	// 0); NameTTL is how long a name is kept (DefaultNameTTL when 0).
	NameCacheSize int
	NameTTL       time.Duration
	Logger        *slog.Logger
	// Observe, when set, is told how long each phase of acknowledging an Events API
	// request took: "verify" (read the body, check the signature), "mask" (parse
	// and redact) and "store" (store and queue, committed). The Slack bench uses it.
	Observe func(phase string, d time.Duration)
}

func (o *Options) validate() error {
	switch {
	case o.SigningSecret == "":
		return copilot.Errorf(copilot.EINVALID, "SLACK_SIGNING_SECRET: not set; every Slack request is verified with it")
	case o.Client == nil:
		return copilot.Errorf(copilot.EINVALID, "slack: Client is required")
	case o.Store == nil:
		return copilot.Errorf(copilot.EINVALID, "slack: Store is required")
	case o.Copilot == nil || o.Copilot.Memory == nil:
		return copilot.Errorf(copilot.EINVALID, "slack: Copilot with a Memory is required")
	case o.Redact == nil:
		return copilot.Errorf(copilot.EINVALID, "slack: Redact is required (event text is masked before it is stored)")
	}
	if o.ChannelPattern == nil {
		o.ChannelPattern = regexp.MustCompile(DefaultChannelPattern)
	}
	if o.MaxBody <= 0 {
		o.MaxBody = DefaultMaxBody
	}
	if o.BackfillPage <= 0 {
		o.BackfillPage = DefaultBackfillPage
	}
	if o.Logger == nil {
		o.Logger = slog.Default()
	}
	if o.NameCacheSize <= 0 {
		o.NameCacheSize = DefaultNameCacheSize
	}
	if o.NameTTL <= 0 {
		o.NameTTL = DefaultNameTTL
	}
	return nil
}

// Handler serves Slack's three request URLs and works the events they queue.
type Handler struct {
	opts   Options
	api    *slackgo.Client
	store  Store
	cp     *copilot.Copilot
	logger *slog.Logger
	bot    botUser
	names  *names
}

// New checks the options and builds the handler.
//
// Errors: EINVALID naming the missing option.
func New(opts Options) (*Handler, error) {
	if err := opts.validate(); err != nil {
		return nil, err
	}
	// A masker may build its rules on first use (gitleaks' several hundred
	// patterns take a second on a busy machine): that must not be the first
	// event's acknowledgement.
	_ = opts.Redact("warm-up " + warmUpText)
	return &Handler{opts: opts, api: opts.Client, store: opts.Store, cp: opts.Copilot, logger: opts.Logger,
		names: newNames(opts.NameCacheSize, opts.NameTTL)}, nil
}

// verified reads the body and checks Slack's signature over it: v0 HMAC-SHA256 of
// "v0:timestamp:body", compared in constant time, refused when the timestamp is
// more than five minutes away. Nothing is parsed before this passes.
func (h *Handler) verified(w http.ResponseWriter, r *http.Request) ([]byte, bool) {
	body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, h.opts.MaxBody))
	if err != nil {
		var tooLarge *http.MaxBytesError
		if errors.As(err, &tooLarge) {
			http.Error(w, "request body too large", http.StatusRequestEntityTooLarge)
			return nil, false
		}
		http.Error(w, "unreadable body", http.StatusBadRequest)
		return nil, false
	}
	sv, err := slackgo.NewSecretsVerifier(r.Header, h.opts.SigningSecret)
	if err == nil {
		_, _ = sv.Write(body)
		err = sv.Ensure()
	}
	if err != nil {
		h.logger.Warn("slack: request refused", "reason", refusal(err), "path", r.URL.Path)
		http.Error(w, "invalid signature", http.StatusUnauthorized)
		return nil, false
	}
	return body, true
}

func refusal(err error) string {
	if errors.Is(err, slackgo.ErrExpiredTimestamp) {
		return "stale timestamp"
	}
	return "bad or missing signature"
}

// reply is what one of Slack's requests is answered, whichever way it came (HTTP
// or Socket Mode): a status, and a JSON body or an error text.
type reply struct {
	status int
	body   any    // JSON body of a 200, or nil
	text   string // error text of anything else
}

func ok(body any) reply               { return reply{status: http.StatusOK, body: body} }
func fail(status int, t string) reply { return reply{status: status, text: t} }

func (rp reply) write(w http.ResponseWriter) {
	switch {
	case rp.status != http.StatusOK:
		http.Error(w, rp.text, rp.status)
	case rp.body != nil:
		writeJSON(w, rp.body)
	default:
		w.WriteHeader(http.StatusOK)
	}
}

// accept stores an event and queues its work before Slack gets its
// acknowledgement: a store that is down answers 503 (or, in Socket Mode, no
// acknowledgement), so Slack sends the event again.
func (h *Handler) accept(ctx context.Context, ev copilot.ChatEvent, retry string) reply {
	ev.ReceivedAt = time.Now().UTC()
	accepted, err := h.store.AcceptChatEvent(ctx, ev)
	if err != nil {
		status := http.StatusInternalServerError
		if copilot.ErrorCode(err) == copilot.EUNAVAILABLE {
			status = http.StatusServiceUnavailable
		}
		h.logger.Error("slack: event not stored", "event_id", ev.ID, "kind", ev.Kind, "error", err.Error())
		return fail(status, "try again")
	}
	if !accepted {
		h.logger.Info("slack: repeat ignored", "event_id", ev.ID, "retry", retry)
	}
	return ok(nil)
}

// outerEvent is the Events API envelope. The inner event stays raw: it is masked
// and stored as it came, and only the worker reads it.
type outerEvent struct {
	Type      string          `json:"type"`
	Challenge string          `json:"challenge"`
	EventID   string          `json:"event_id"`
	TeamID    string          `json:"team_id"`
	Event     json.RawMessage `json:"event"`
}

// Events serves POST /v1/slack/events.
func (h *Handler) Events(w http.ResponseWriter, r *http.Request) {
	t0 := time.Now()
	body, ok := h.verified(w, r)
	if !ok {
		return
	}
	h.observe("verify", t0)
	h.ingestEvent(r.Context(), body, r.Header.Get("X-Slack-Retry-Num")).write(w)
}

// observe tells Options.Observe the time since t0.
func (h *Handler) observe(phase string, t0 time.Time) {
	if h.opts.Observe != nil {
		h.opts.Observe(phase, time.Since(t0))
	}
}

// ingestEvent takes one Events API envelope (verified, or from Socket Mode).
func (h *Handler) ingestEvent(ctx context.Context, body []byte, retry string) reply {
	var ev outerEvent
	if err := json.Unmarshal(body, &ev); err != nil {
		return fail(http.StatusBadRequest, "not a JSON event")
	}
	switch ev.Type {
	case slackevents.URLVerification:
		return ok(slackevents.ChallengeResponse{Challenge: ev.Challenge})
	case slackevents.CallbackEvent:
	default:
		return ok(nil) // app_rate_limited and the like: nothing to do
	}
	if ev.EventID == "" || len(ev.Event) == 0 {
		return fail(http.StatusBadRequest, "event_callback without event_id or event")
	}
	t0 := time.Now()
	payload, err := maskJSON(ev.Event, h.opts.Redact)
	if err != nil {
		return fail(http.StatusBadRequest, "event is not a JSON object")
	}
	var head struct {
		Channel string `json:"channel"`
	}
	_ = json.Unmarshal(payload, &head)
	h.observe("mask", t0)
	t0 = time.Now()
	rp := h.accept(ctx, copilot.ChatEvent{ID: ev.EventID, Kind: copilot.ChatKindEvent, Team: ev.TeamID, Channel: head.Channel, Payload: payload}, retry)
	h.observe("store", t0)
	return rp
}

// Commands serves POST /v1/slack/commands: /copilot help answers at once, every
// other subcommand is queued and answered in the channel.
func (h *Handler) Commands(w http.ResponseWriter, r *http.Request) {
	body, ok := h.verified(w, r)
	if !ok {
		return
	}
	form, err := url.ParseQuery(string(body))
	if err != nil {
		http.Error(w, "not a form", http.StatusBadRequest)
		return
	}
	h.ingestCommand(r.Context(), commandFromForm(form), r.Header.Get("X-Slack-Retry-Num")).write(w)
}

func (h *Handler) ingestCommand(ctx context.Context, cmd command, retry string) reply {
	verb, _ := parseCommand(cmd.Text)
	if verb == "help" || verb == "" {
		return ok(map[string]string{"response_type": "ephemeral", "text": helpText(cmd.Command)})
	}
	if cmd.TriggerID == "" {
		return fail(http.StatusBadRequest, "command without trigger_id")
	}
	payload, err := json.Marshal(maskCommand(cmd, h.opts.Redact))
	if err != nil {
		return fail(http.StatusInternalServerError, "command not stored")
	}
	rp := h.accept(ctx, copilot.ChatEvent{ID: "cmd:" + cmd.TriggerID, Kind: copilot.ChatKindCommand, Team: cmd.TeamID, Channel: cmd.ChannelID, Payload: payload}, retry)
	if rp.status != http.StatusOK {
		return rp
	}
	return ok(map[string]string{"response_type": "ephemeral", "text": "On it: `" + Escape(cmd.Command+" "+cmd.Text) + "`"})
}

// Interactions serves POST /v1/slack/interactions (button clicks).
func (h *Handler) Interactions(w http.ResponseWriter, r *http.Request) {
	body, ok := h.verified(w, r)
	if !ok {
		return
	}
	form, err := url.ParseQuery(string(body))
	if err != nil || form.Get("payload") == "" {
		http.Error(w, "no payload", http.StatusBadRequest)
		return
	}
	h.ingestInteraction(r.Context(), []byte(form.Get("payload")), r.Header.Get("X-Slack-Retry-Num")).write(w)
}

func (h *Handler) ingestInteraction(ctx context.Context, raw []byte, retry string) reply {
	payload, err := maskJSON(raw, h.opts.Redact)
	if err != nil {
		return fail(http.StatusBadRequest, "payload is not a JSON object")
	}
	var cb slackgo.InteractionCallback
	if err := json.Unmarshal(payload, &cb); err != nil {
		return fail(http.StatusBadRequest, "payload is not an interaction")
	}
	if cb.Type != slackgo.InteractionTypeBlockActions || len(cb.ActionCallback.BlockActions) == 0 {
		return ok(nil)
	}
	a := cb.ActionCallback.BlockActions[0]
	// A click is one action_ts by one user; Slack's retries of it carry the same.
	id := "act:" + cb.User.ID + ":" + a.ActionTs
	if a.ActionTs == "" {
		id = "act:" + cb.TriggerID
	}
	return h.accept(ctx, copilot.ChatEvent{ID: id, Kind: copilot.ChatKindInteraction, Team: cb.Team.ID, Channel: cb.Channel.ID, Payload: payload}, retry)
}

func writeJSON(w http.ResponseWriter, v any) {
	w.Header().Set("Content-Type", "application/json")
	_ = json.NewEncoder(w).Encode(v)
}

// dropped are request fields never stored: Slack's legacy verification token and
// the response URL, which grants posting into the channel for half an hour.
var dropped = map[string]bool{"token": true, "response_url": true, "response_urls": true}

// maskJSON masks every string of a JSON object and drops the fields above, so the
// stored event (and anything read from it later) holds no secret.
func maskJSON(raw []byte, mask func(string) string) ([]byte, error) {
	var v map[string]any
	if err := json.Unmarshal(raw, &v); err != nil {
		return nil, err
	}
	return json.Marshal(maskValue(v, mask))
}

func maskValue(v any, mask func(string) string) any {
	switch x := v.(type) {
	case map[string]any:
		for k, e := range x {
			if dropped[k] {
				delete(x, k)
				continue
			}
			x[k] = maskValue(e, mask)
		}
		return x
	case []any:
		for i := range x {
			x[i] = maskValue(x[i], mask)
		}
		return x
	case string:
		return mask(x)
	}
	return v
}

// command is the part of a slash command the copilot keeps.
type command struct {
	Command     string `json:"command"`
	Text        string `json:"text"`
	TeamID      string `json:"team_id"`
	ChannelID   string `json:"channel_id"`
	ChannelName string `json:"channel_name"`
	UserID      string `json:"user_id"`
	TriggerID   string `json:"trigger_id"`
}

func commandFromForm(f url.Values) command {
	return command{Command: f.Get("command"), Text: f.Get("text"), TeamID: f.Get("team_id"), ChannelID: f.Get("channel_id"),
		ChannelName: f.Get("channel_name"), UserID: f.Get("user_id"), TriggerID: f.Get("trigger_id")}
}

func maskCommand(c command, mask func(string) string) command {
	c.Text = mask(c.Text)
	c.ChannelName = mask(c.ChannelName)
	return c
}

// parseCommand splits "summary INC-1" into its verb and the rest. Verbs are
// lowercased; "followups" and "follow-ups" are the same.
func parseCommand(text string) (verb, rest string) {
	text = strings.TrimSpace(mentionRE.ReplaceAllString(text, " "))
	verb, rest, _ = strings.Cut(text, " ")
	verb = strings.ToLower(verb)
	switch verb {
	case "followups", "follow-up", "followup":
		verb = "follow-ups"
	case "incident":
		sub, title, _ := strings.Cut(strings.TrimSpace(rest), " ")
		if strings.EqualFold(sub, "start") {
			return "incident start", strings.TrimSpace(title)
		}
	}
	return verb, strings.TrimSpace(rest)
}

func helpText(cmd string) string {
	if cmd == "" {
		cmd = "/copilot"
	}
	return "*Incident Copilot*\n" +
		"`" + cmd + " similar [INCIDENT]` past incidents like this one\n" +
		"`" + cmd + " summary [INCIDENT]` a cited summary\n" +
		"`" + cmd + " follow-ups [INCIDENT]` follow-ups said in the channel, with buttons to file them\n" +
		"`" + cmd + " runbook [INCIDENT]` steps that fixed similar incidents\n" +
		"`" + cmd + " incident start [title]` make this channel an incident channel\n" +
		"`" + cmd + " resolve` mark this channel's incident resolved\n" +
		"Without INCIDENT, this channel's incident. Mention @copilot with the same words in an incident channel."
}
