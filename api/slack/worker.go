package slack

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"net"
	"sort"
	"strings"
	"time"

	slackgo "github.com/slack-go/slack"

	"github.com/incidentcopilot/incident-copilot/copilot"
)

// Work does the work of one stored event; the job queue calls it, and calls it
// again after an error. Every reply is posted under a key and remembered, so a
// retried job posts nothing twice.
//
// Errors: ENOTFOUND for an unknown event, EINVALID for one that can never be
// worked, EUNAVAILABLE, or an error with RetryAfter when Slack rate-limits.
func (h *Handler) Work(ctx context.Context, eventID string) error {
	ev, err := h.store.ChatEvent(ctx, eventID)
	if err != nil {
		return err
	}
	switch ev.Kind {
	case copilot.ChatKindEvent:
		return h.workEvent(ctx, ev)
	case copilot.ChatKindCommand:
		return h.workCommand(ctx, ev)
	case copilot.ChatKindInteraction:
		return h.workInteraction(ctx, ev)
	}
	return copilot.Errorf(copilot.EINVALID, "chat event %s: unknown kind %q", ev.ID, ev.Kind)
}

// innerMessage is the part of a message event the copilot reads.
type innerMessage struct {
	Type     string `json:"type"`
	SubType  string `json:"subtype"`
	User     string `json:"user"`
	Text     string `json:"text"`
	TS       string `json:"ts"`
	ThreadTS string `json:"thread_ts"`
	BotID    string `json:"bot_id"`
}

type innerEvent struct {
	innerMessage
	Channel         string        `json:"channel"`
	DeletedTS       string        `json:"deleted_ts"`
	Message         *innerMessage `json:"message"`
	PreviousMessage *innerMessage `json:"previous_message"`
}

// fromBot reports a message of a bot or an integration: the copilot's own replies
// among them, which must never feed back into the transcript or trigger answers.
func (m *innerMessage) fromBot() bool { return m.BotID != "" || m.SubType == "bot_message" }

// humanSubtypes are the message subtypes that are a person's words; joins, topic
// changes and the like are not transcript.
var humanSubtypes = map[string]bool{"": true, "thread_broadcast": true, "file_share": true, "me_message": true}

func (h *Handler) workEvent(ctx context.Context, ev copilot.ChatEvent) error {
	var in innerEvent
	if err := json.Unmarshal(ev.Payload, &in); err != nil {
		return copilot.Errorf(copilot.EINVALID, "chat event %s: %v", ev.ID, err)
	}
	switch in.Type {
	case "app_mention":
		if in.fromBot() {
			return nil
		}
		verb, rest := parseCommand(in.Text)
		thread := in.ThreadTS
		if thread == "" {
			thread = in.TS
		}
		return h.run(ctx, request{key: ev.ID, channel: in.Channel, user: in.User, thread: thread}, verb, rest)
	case "message":
		return h.workMessage(ctx, ev, in)
	case "member_joined_channel":
		return h.joined(ctx, in.Channel, in.User)
	case "channel_archive", "group_archive":
		return h.archived(ctx, in.Channel, in.User)
	}
	return nil
}

// archived handles an incident channel archived before its incident was resolved.
// Slack refuses posts to an archived channel, so the uncaptured follow-ups that
// /copilot resolve would have posted there go to the incident lead by direct
// message: once per channel, only when the follow-ups capability may act on its
// own, and for a private incident only to a lead who is a member of its channel.
func (h *Handler) archived(ctx context.Context, channelID, archivedBy string) error {
	ch, err := h.channel(ctx, channelID)
	if err != nil || ch.IncidentID == "" {
		return err
	}
	inc, err := h.cp.Memory.FindIncidentByID(ctx, ch.IncidentID, true)
	if copilot.ErrorCode(err) == copilot.ENOTFOUND {
		return nil // archived before anyone said anything
	}
	if err != nil || inc.Status == "resolved" || len(inc.Messages) == 0 {
		return err
	}
	st, err := h.cp.Capability(ctx, copilot.CapFollowUps)
	if err != nil || st.Mode != copilot.ModeAct {
		return err
	}
	// The channel's lock makes one worker post when Slack delivers the archive
	// twice under different event ids.
	unlock, err := h.store.LockChatChannel(ctx, ch.ID)
	if err != nil {
		return err
	}
	defer unlock()
	key := "archived:" + channelID
	if ts, err := h.store.PostedReply(ctx, key); err != nil || ts != "" {
		return err
	}
	lead, err := h.incidentLead(ctx, channelID, archivedBy)
	if err != nil || lead == "" {
		return err
	}
	if inc.IsPrivate() {
		member, err := h.isMember(ctx, channelID, lead)
		if err != nil || !member {
			return err
		}
	}
	ans, err := h.cp.FollowUps(ctx, inc.ID, true, true)
	if err != nil || len(ans.Items) == 0 {
		return err
	}
	h.nameFollowUps(ctx, ans)
	title := "Follow-ups of " + inc.ID + " (its channel was archived before the incident was resolved)"
	return h.postAnswer(ctx, request{key: key, channel: lead}, inc, copilot.CapFollowUps, st.Verified, title,
		FollowUpBlocks(ans, h.links(inc), st.Verified, true))
}

// incidentLead is who hears about an incident channel archived unresolved: the
// person who created the channel, unless a bot (an incident tool) did, else the
// person who archived it.
func (h *Handler) incidentLead(ctx context.Context, channelID, archivedBy string) (string, error) {
	info, err := h.api.GetConversationInfoContext(ctx, &slackgo.GetConversationInfoInput{ChannelID: channelID})
	if err != nil {
		return "", slackError("conversations.info", err)
	}
	if c := info.Creator; c != "" && c != archivedBy {
		u, err := h.api.GetUserInfoContext(ctx, c)
		if err == nil && !u.IsBot && !u.Deleted {
			return c, nil
		}
		// Rate limited: ask again later. Any other refusal (a deleted or unknown
		// user) leaves the person who archived the channel.
		if err != nil && copilot.ErrorCode(slackError("users.info", err)) != copilot.EINVALID {
			return "", slackError("users.info", err)
		}
	}
	return archivedBy, nil
}

// workMessage keeps an incident channel's transcript live: new, edited and deleted
// messages change the stored incident.
func (h *Handler) workMessage(ctx context.Context, ev copilot.ChatEvent, in innerEvent) error {
	var op func(inc *copilot.Incident) bool
	switch {
	case in.SubType == "message_changed" && in.Message != nil:
		m := *in.Message
		if m.fromBot() {
			return nil
		}
		op = func(inc *copilot.Incident) bool { return upsertMessage(inc, m) }
	case in.SubType == "message_deleted":
		ts := in.DeletedTS
		if ts == "" && in.PreviousMessage != nil {
			ts = in.PreviousMessage.TS
		}
		op = func(inc *copilot.Incident) bool { return deleteMessage(inc, ts) }
	case humanSubtypes[in.SubType]:
		if in.fromBot() || in.User == "" {
			return nil
		}
		m := in.innerMessage
		op = func(inc *copilot.Incident) bool { return upsertMessage(inc, m) }
	default:
		return nil
	}
	ch, err := h.channel(ctx, in.Channel)
	if err != nil || ch.IncidentID == "" {
		return err
	}
	unlock, err := h.store.LockChatChannel(ctx, ch.ID)
	if err != nil {
		return err
	}
	defer unlock()
	// Workers take events in any order: a message's newest edit or its deletion,
	// when Slack already sent it, wins over this (older) event.
	if later, err := h.laterChange(ctx, in); err != nil {
		return err
	} else if later != nil {
		op = later
	}
	inc, err := h.incidentOf(ctx, ch)
	if err != nil {
		return err
	}
	if !op(inc) {
		return nil
	}
	if err := h.save(ctx, inc); err != nil {
		return err
	}
	return h.announce(ctx, ch, inc)
}

func upsertMessage(inc *copilot.Incident, m innerMessage) bool {
	if m.TS == "" {
		return false
	}
	msg := copilot.Message{TS: m.TS, User: m.User, UserName: m.User, Text: m.Text, Kind: copilot.KindMessage}
	if m.ThreadTS != m.TS {
		msg.ThreadTS = m.ThreadTS
	}
	if old := inc.MessageByTS(m.TS); old != nil {
		if *old == msg {
			return false
		}
		*old = msg
		return true
	}
	inc.Messages = append(inc.Messages, msg)
	sort.SliceStable(inc.Messages, func(i, j int) bool {
		return copilot.TSTime(inc.Messages[i].TS).Before(copilot.TSTime(inc.Messages[j].TS))
	})
	if inc.StartedAt.IsZero() || msg.Time().Before(inc.StartedAt) {
		inc.StartedAt = msg.Time()
	}
	return true
}

func deleteMessage(inc *copilot.Incident, ts string) bool {
	for i := range inc.Messages {
		if inc.Messages[i].TS == ts {
			inc.Messages = append(inc.Messages[:i], inc.Messages[i+1:]...)
			return true
		}
	}
	return false
}

// channel returns what is known of a channel, asking Slack (conversations.info)
// the first time: a name matching the pattern makes it an incident channel, and a
// private channel's incident is private.
func (h *Handler) channel(ctx context.Context, id string) (copilot.ChatChannel, error) {
	ch, err := h.store.ChatChannel(ctx, id)
	if err == nil || copilot.ErrorCode(err) != copilot.ENOTFOUND {
		return ch, err
	}
	info, err := h.api.GetConversationInfoContext(ctx, &slackgo.GetConversationInfoInput{ChannelID: id})
	if err != nil {
		return ch, slackError("conversations.info", err)
	}
	ch = copilot.ChatChannel{ID: id, Name: info.Name, Private: info.IsPrivate}
	if h.opts.ChannelPattern.MatchString(info.Name) && copilot.ValidID(info.Name) {
		ch.IncidentID = info.Name
	}
	return ch, h.store.SaveChatChannel(ctx, ch)
}

// incidentOf loads a channel's incident, or starts a new one.
func (h *Handler) incidentOf(ctx context.Context, ch copilot.ChatChannel) (*copilot.Incident, error) {
	inc, err := h.cp.Memory.FindIncidentByID(ctx, ch.IncidentID, true)
	if err == nil {
		return inc, nil
	}
	if copilot.ErrorCode(err) != copilot.ENOTFOUND {
		return nil, err
	}
	vis := copilot.VisibilityPublic
	if ch.Private {
		vis = copilot.VisibilityPrivate
	}
	title := ch.Title
	if title == "" {
		title = ch.Name
	}
	return &copilot.Incident{ID: ch.IncidentID, Title: title, Status: "open", Visibility: vis, Services: []string{},
		ChannelID: ch.ID, ChannelName: ch.Name, Source: copilot.SourceSlack}, nil
}

// save stores the incident whole; Ingest masks it again and replaces the old one.
func (h *Handler) save(ctx context.Context, inc *copilot.Incident) error {
	if len(inc.Messages) == 0 {
		return nil // nothing to remember yet; an empty transcript is no incident
	}
	_, err := h.cp.Memory.Ingest(ctx, []*copilot.Incident{inc}, copilot.IngestOptions{Actor: copilot.Actor{Name: "slack", Private: true}})
	return err
}

// announce posts the most similar past incidents once, unasked, when a new
// incident channel has its first words, and only when the similar capability may
// act on its own. The caller holds the channel's lock.
func (h *Handler) announce(ctx context.Context, ch copilot.ChatChannel, inc *copilot.Incident) error {
	st, err := h.cp.Capability(ctx, copilot.CapSimilar)
	if err != nil || st.Mode != copilot.ModeAct {
		return err
	}
	key := "announce:" + ch.ID
	if ts, err := h.store.PostedReply(ctx, key); err != nil || ts != "" {
		return err
	}
	req := request{key: key, channel: ch.ID}
	blocks, err := h.similarBlocks(ctx, inc, st.Verified)
	if err != nil {
		return err
	}
	return h.postAnswer(ctx, req, inc, copilot.CapSimilar, st.Verified, "Similar past incidents", blocks)
}

// request is where an answer goes: the channel, the thread, the person who asked
// and the key its reply is remembered under.
type request struct {
	key     string
	channel string
	user    string
	thread  string
	// ephemeral posts to user only (a private incident asked about elsewhere).
	ephemeral bool
}

// run answers one command, from /copilot or from a mention.
func (h *Handler) run(ctx context.Context, req request, verb, arg string) error {
	switch verb {
	case "similar":
		return h.answer(ctx, req, copilot.CapSimilar, arg)
	case "summary":
		return h.answer(ctx, req, copilot.CapSummary, arg)
	case "follow-ups":
		return h.answer(ctx, req, copilot.CapFollowUps, arg)
	case "runbook":
		return h.answer(ctx, req, copilot.CapRunbook, arg)
	case "incident start":
		return h.startIncident(ctx, req, arg)
	case "resolve":
		return h.resolve(ctx, req)
	}
	return h.say(ctx, req, helpText("/copilot"))
}

// target finds the incident a request is about and decides where its answer may
// go. A private incident's content is posted in its own channel, or to a person
// who is a member of that channel (as a message only they see); to anyone else it
// is reported missing, exactly like an incident that does not exist.
func (h *Handler) target(ctx context.Context, req *request, arg string) (*copilot.Incident, error) {
	id := arg
	if id == "" {
		ch, err := h.channel(ctx, req.channel)
		if err != nil {
			return nil, err
		}
		if ch.IncidentID == "" {
			return nil, copilot.Errorf(copilot.EINVALID, "This channel is not an incident channel: name an incident (`/copilot summary INC-2041`), or make it one with `/copilot incident start`.")
		}
		id = ch.IncidentID
	}
	if err := copilot.CheckID("incident", id); err != nil {
		return nil, err
	}
	inc, err := h.cp.Memory.FindIncidentByID(ctx, id, true)
	if copilot.ErrorCode(err) == copilot.ENOTFOUND {
		return nil, copilot.Errorf(copilot.ENOTFOUND, "No incident %s in memory yet.", id)
	}
	if err != nil || !inc.IsPrivate() || inc.ChannelID == req.channel {
		return inc, err
	}
	member, err := h.isMember(ctx, inc.ChannelID, req.user)
	if err != nil {
		return nil, err
	}
	if !member {
		return nil, copilot.Errorf(copilot.ENOTFOUND, "No incident %s in memory yet.", id)
	}
	req.ephemeral = true
	return inc, nil
}

// isMember asks Slack (conversations.members) whether user is in channel.
func (h *Handler) isMember(ctx context.Context, channel, user string) (bool, error) {
	if channel == "" || user == "" {
		return false, nil
	}
	params := &slackgo.GetUsersInConversationParameters{ChannelID: channel, Limit: 1000}
	for {
		members, cursor, err := h.api.GetUsersInConversationContext(ctx, params)
		if err != nil {
			return false, slackError("conversations.members", err)
		}
		for _, m := range members {
			if m == user {
				return true, nil
			}
		}
		if cursor == "" {
			return false, nil
		}
		params.Cursor = cursor
	}
}

// answer runs one capability for the request's incident and posts its blocks.
func (h *Handler) answer(ctx context.Context, req request, capability, arg string) error {
	inc, err := h.target(ctx, &req, arg)
	if err != nil {
		return h.sayError(ctx, req, err)
	}
	st, err := h.cp.Capability(ctx, capability)
	if err != nil {
		return err
	}
	if st.Mode == copilot.ModeOff {
		return h.say(ctx, req, "The "+capability+" capability is switched off ("+st.Reason+").")
	}
	var (
		blocks []slackgo.Block
		title  string
	)
	links := h.links(inc)
	switch capability {
	case copilot.CapSimilar:
		title = "Similar past incidents"
		blocks, err = h.similarBlocks(ctx, inc, st.Verified)
	case copilot.CapSummary:
		title = "Summary of " + inc.ID
		var ans *copilot.SummaryAnswer
		if ans, err = h.cp.SummarizeIncident(ctx, inc); err == nil {
			h.nameSummary(ctx, ans)
			blocks = SummaryBlocks(ans, links, st.Verified)
		}
	case copilot.CapFollowUps:
		title = "Follow-ups of " + inc.ID
		var ans *copilot.FollowUpsAnswer
		if ans, err = h.cp.FollowUps(ctx, inc.ID, true, false); err == nil {
			h.nameFollowUps(ctx, ans)
			blocks = FollowUpBlocks(ans, links, st.Verified, !req.ephemeral)
		}
	case copilot.CapRunbook:
		title = "Suggested steps for " + inc.ID
		var ans *copilot.RunbookAnswer
		// Steps come from public incidents only: a private incident's steps must not
		// surface in another incident's channel.
		if ans, err = h.cp.RunbookForIncident(ctx, inc, false); err == nil {
			blocks = RunbookBlocks(ans, links, st.Verified)
		}
	}
	if err != nil {
		return h.sayError(ctx, req, err)
	}
	return h.postAnswer(ctx, req, inc, capability, st.Verified, title, blocks)
}

// similarBlocks searches public incidents only, so no private incident is named
// in a channel whose members may not see it.
func (h *Handler) similarBlocks(ctx context.Context, inc *copilot.Incident, verified bool) ([]slackgo.Block, error) {
	q := copilot.SearchQuery{Limit: 5}
	if inc.IsPrivate() {
		q.Text = copilot.IncidentText(inc, 16<<10)
		q.Filter.ExcludeIDs = []string{inc.ID}
	} else {
		q.IncidentID = inc.ID
	}
	results, err := h.cp.Memory.Search(ctx, q)
	if err != nil {
		return nil, err
	}
	return SimilarBlocks(results, h.links(inc), verified), nil
}

func (h *Handler) links(inc *copilot.Incident) Links {
	var l Links
	if h.cp.Permalink != nil {
		l.Message = func(ts string) string { return h.cp.Permalink(inc, ts) }
	}
	return l
}

// answerID names an answer in its feedback buttons: stable for its request, so a
// retried job gives the same id.
func answerID(key string) string {
	sum := sha256.Sum256([]byte(key))
	return "ans-" + hex.EncodeToString(sum[:8])
}

// postAnswer posts an answer with its feedback buttons. The answer is recorded
// before it is posted, so a click on a button that comes before the post returns
// finds what it rates (capability and incident); its ts is added once known.
func (h *Handler) postAnswer(ctx context.Context, req request, inc *copilot.Incident, capability string, verified bool, title string, blocks []slackgo.Block) error {
	id := answerID(req.key)
	blocks = WithFeedback(blocks, id, Links{})
	a := copilot.ChatAnswer{ID: id, IncidentID: inc.ID, Capability: capability, Channel: req.channel, Verified: verified}
	if err := h.store.RecordChatAnswer(ctx, a); err != nil {
		return err
	}
	ts, err := h.post(ctx, req, title, blocks)
	if err != nil {
		return err
	}
	a.TS = ts
	return h.store.RecordChatAnswer(ctx, a)
}

func (h *Handler) say(ctx context.Context, req request, text string) error {
	_, err := h.post(ctx, req, text, []slackgo.Block{section(text)})
	return err
}

// sayError tells the person what went wrong in a sentence, for errors that are
// theirs to fix; the rest go back to the queue to be retried.
func (h *Handler) sayError(ctx context.Context, req request, err error) error {
	switch copilot.ErrorCode(err) {
	case copilot.ENOTFOUND, copilot.EINVALID, copilot.EFORBIDDEN, copilot.ENOTIMPLEMENTED, copilot.ECONFLICT:
		var ce *copilot.Error
		msg := "That did not work."
		if errors.As(err, &ce) {
			msg = ce.Message
		}
		return h.say(ctx, req, Escape(msg))
	}
	return err
}

// post sends a message once per request key: a reply already posted for the key
// is not posted again.
func (h *Handler) post(ctx context.Context, req request, text string, blocks []slackgo.Block) (string, error) {
	if ts, err := h.store.PostedReply(ctx, req.key); err != nil || ts != "" {
		return ts, err
	}
	opts := []slackgo.MsgOption{slackgo.MsgOptionText(Escape(text), false), slackgo.MsgOptionBlocks(blocks...)}
	if req.thread != "" {
		opts = append(opts, slackgo.MsgOptionTS(req.thread))
	}
	var (
		ts  string
		err error
	)
	if req.ephemeral {
		ts, err = h.api.PostEphemeralContext(ctx, req.channel, req.user, opts...)
	} else {
		_, ts, err = h.api.PostMessageContext(ctx, req.channel, opts...)
	}
	if err != nil {
		return "", slackError("chat.postMessage", err)
	}
	if ts == "" {
		ts = "posted"
	}
	return ts, h.store.RecordReply(ctx, req.key, req.channel, ts)
}

// retryLater is Slack's 429: the job waits Retry-After and tries again.
type retryLater struct {
	after time.Duration
	err   error
}

func (e *retryLater) Error() string             { return e.err.Error() }
func (e *retryLater) Unwrap() error             { return e.err }
func (e *retryLater) RetryAfter() time.Duration { return e.after }

// slackError maps Web API errors: a 429 waits as Slack asks, network trouble and
// Slack's 5xx are retried, an error Slack gives for the request itself
// (channel_not_found, not_in_channel) never succeeds on a retry.
func slackError(method string, err error) error {
	var rl *slackgo.RateLimitedError
	if errors.As(err, &rl) {
		after := rl.RetryAfter
		if after <= 0 {
			after = time.Second
		}
		return &retryLater{after: after, err: fmt.Errorf("%s: %w", method, err)}
	}
	var resp slackgo.SlackErrorResponse
	if errors.As(err, &resp) {
		return &wrapped{copilot.Errorf(copilot.EINVALID, "Slack refused %s: %s", method, resp.Err), err}
	}
	var netErr net.Error
	var status slackgo.StatusCodeError
	if errors.As(err, &netErr) || errors.As(err, &status) {
		return &wrapped{copilot.Errorf(copilot.EUNAVAILABLE, "Slack did not answer %s.", method), err}
	}
	return fmt.Errorf("%s: %w", method, err)
}

type wrapped struct {
	domain *copilot.Error
	cause  error
}

func (w *wrapped) Error() string   { return w.domain.Message + ": " + w.cause.Error() }
func (w *wrapped) Unwrap() []error { return []error{w.domain, w.cause} }

func (h *Handler) workCommand(ctx context.Context, ev copilot.ChatEvent) error {
	var cmd command
	if err := json.Unmarshal(ev.Payload, &cmd); err != nil {
		return copilot.Errorf(copilot.EINVALID, "chat event %s: %v", ev.ID, err)
	}
	verb, rest := parseCommand(cmd.Text)
	return h.run(ctx, request{key: ev.ID, channel: cmd.ChannelID, user: cmd.UserID}, verb, rest)
}

// startIncident makes the request's channel an incident channel whatever its name.
func (h *Handler) startIncident(ctx context.Context, req request, title string) error {
	ch, err := h.channel(ctx, req.channel)
	if err != nil {
		return err
	}
	if ch.IncidentID == "" {
		ch.IncidentID = ch.Name
	}
	if !copilot.ValidID(ch.IncidentID) {
		return h.say(ctx, req, "This channel's name cannot be an incident id; rename it to letters, digits, '-' or '_'.")
	}
	ch.Registered, ch.Title = true, title
	if err := h.store.SaveChatChannel(ctx, ch); err != nil {
		return err
	}
	if err := h.say(ctx, req, "This channel is incident *"+Escape(ch.IncidentID)+"*: its messages are now remembered."); err != nil {
		return err
	}
	if title == "" {
		return nil
	}
	unlock, err := h.store.LockChatChannel(ctx, ch.ID)
	if err != nil {
		return err
	}
	defer unlock()
	inc, err := h.incidentOf(ctx, ch)
	if err != nil {
		return err
	}
	// Search needs words: the title stands in for a transcript not yet written.
	return h.announceTitle(ctx, ch, inc)
}

// announceTitle announces for a channel that has a title but maybe no messages yet.
func (h *Handler) announceTitle(ctx context.Context, ch copilot.ChatChannel, inc *copilot.Incident) error {
	st, err := h.cp.Capability(ctx, copilot.CapSimilar)
	if err != nil || st.Mode != copilot.ModeAct {
		return err
	}
	key := "announce:" + ch.ID
	if ts, err := h.store.PostedReply(ctx, key); err != nil || ts != "" {
		return err
	}
	results, err := h.cp.Memory.Search(ctx, copilot.SearchQuery{Text: copilot.IncidentText(inc, 16<<10), Limit: 5,
		Filter: copilot.IncidentFilter{ExcludeIDs: []string{inc.ID}}})
	if err != nil {
		return err
	}
	return h.postAnswer(ctx, request{key: key, channel: ch.ID}, inc, copilot.CapSimilar, st.Verified, "Similar past incidents",
		SimilarBlocks(results, h.links(inc), st.Verified))
}

// resolve marks the channel's incident resolved and, when the follow-ups
// capability may act on its own, posts the follow-ups nobody filed yet.
func (h *Handler) resolve(ctx context.Context, req request) error {
	ch, err := h.channel(ctx, req.channel)
	if err != nil {
		return err
	}
	if ch.IncidentID == "" {
		return h.say(ctx, req, "This channel is not an incident channel.")
	}
	unlock, err := h.store.LockChatChannel(ctx, ch.ID)
	if err != nil {
		return err
	}
	inc, err := h.incidentOf(ctx, ch)
	if err == nil && inc.Status != "resolved" {
		inc.Status, inc.ResolvedAt = "resolved", time.Now().UTC()
		err = h.save(ctx, inc)
	}
	unlock()
	if err != nil {
		return err
	}
	if err := h.say(ctx, request{key: req.key + ":resolved", channel: req.channel}, "Incident *"+Escape(inc.ID)+"* is resolved."); err != nil {
		return err
	}
	st, err := h.cp.Capability(ctx, copilot.CapFollowUps)
	if err != nil || st.Mode != copilot.ModeAct || len(inc.Messages) == 0 {
		return err
	}
	ans, err := h.cp.FollowUps(ctx, inc.ID, true, true)
	if err != nil {
		return err
	}
	if len(ans.Items) == 0 {
		return nil
	}
	h.nameFollowUps(ctx, ans)
	return h.postAnswer(ctx, request{key: req.key + ":followups", channel: req.channel}, inc, copilot.CapFollowUps, st.Verified,
		"Follow-ups of "+inc.ID, FollowUpBlocks(ans, h.links(inc), st.Verified, true))
}

// workInteraction handles a button: feedback on an answer, a verdict on a
// follow-up, or filing it as a ticket.
func (h *Handler) workInteraction(ctx context.Context, ev copilot.ChatEvent) error {
	var cb slackgo.InteractionCallback
	if err := json.Unmarshal(ev.Payload, &cb); err != nil {
		return copilot.Errorf(copilot.EINVALID, "chat event %s: %v", ev.ID, err)
	}
	if len(cb.ActionCallback.BlockActions) == 0 {
		return nil
	}
	a := cb.ActionCallback.BlockActions[0]
	thread := cb.Message.ThreadTimestamp
	if thread == "" {
		thread = cb.Container.MessageTs
	}
	req := request{key: ev.ID, channel: cb.Channel.ID, user: cb.User.ID, thread: thread}
	fb := copilot.Feedback{User: cb.User.ID, Channel: cb.Channel.ID, EventID: ev.ID}
	switch a.ActionID {
	case ActionFeedbackUp, ActionFeedbackDown:
		fb.Kind, fb.AnswerID = copilot.FeedbackUp, a.Value
		if a.ActionID == ActionFeedbackDown {
			fb.Kind = copilot.FeedbackDown
		}
		return h.store.RecordFeedback(ctx, fb)
	case ActionAlreadyDone, ActionNotFollowUp, ActionCreateTicket:
	default:
		return nil
	}
	incID, fuID, ok := strings.Cut(a.Value, "|")
	if !ok || incID == "" || fuID == "" {
		return copilot.Errorf(copilot.EINVALID, "chat event %s: button value %q is not INCIDENT|FOLLOWUP", ev.ID, a.Value)
	}
	if _, err := h.target(ctx, &req, incID); err != nil {
		return h.sayError(ctx, req, err)
	}
	switch a.ActionID {
	case ActionAlreadyDone, ActionNotFollowUp:
		fb.Kind, fb.IncidentID, fb.FollowUpID = copilot.FeedbackDone, incID, fuID
		if a.ActionID == ActionNotFollowUp {
			fb.Kind = copilot.FeedbackNotFollowUp
		}
		return h.store.RecordFeedback(ctx, fb)
	}
	t, err := h.cp.FileFollowUp(ctx, incID, fuID, copilot.Actor{Name: "slack:" + cb.User.ID, Private: true})
	if err != nil {
		return h.sayError(ctx, req, err)
	}
	msg := "Follow-up " + Escape(fuID) + " is captured"
	if t.Key != "" {
		key := Escape(t.Key)
		if t.URL != "" {
			key = "<" + t.URL + "|" + key + ">"
		}
		msg = "Filed " + key + " for follow-up " + Escape(fuID)
	}
	if t.CreatedBy != "" {
		msg += " (by " + Escape(t.CreatedBy) + ")"
	}
	return h.say(ctx, req, msg+".")
}

// laterChange returns the operation of the stored edit or deletion of in's message
// that Slack sent after in, or nil when in is the newest word on that message.
func (h *Handler) laterChange(ctx context.Context, in innerEvent) (func(*copilot.Incident) bool, error) {
	ts, at := in.TS, in.TS
	switch {
	case in.SubType == "message_changed" && in.Message != nil:
		ts = in.Message.TS
	case in.SubType == "message_deleted":
		return nil, nil // a deletion is final
	}
	payload, found, err := h.store.LatestMessageChange(ctx, in.Channel, ts)
	if err != nil || !found {
		return nil, err
	}
	var later innerEvent
	if err := json.Unmarshal(payload, &later); err != nil {
		return nil, nil
	}
	if !copilot.TSLess(at, later.TS) {
		return nil, nil
	}
	if later.SubType == "message_deleted" {
		return func(inc *copilot.Incident) bool { return deleteMessage(inc, ts) }, nil
	}
	if later.Message == nil || later.Message.fromBot() {
		return nil, nil
	}
	m := *later.Message
	return func(inc *copilot.Incident) bool { return upsertMessage(inc, m) }, nil
}
