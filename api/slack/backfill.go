package slack

import (
	"context"
	"encoding/json"
	"sort"
	"sync"

	slackgo "github.com/slack-go/slack"

	"github.com/incidentcopilot/incident-copilot/copilot"
)

// DefaultBackfillPage is how many messages one conversations.history call asks for.
const DefaultBackfillPage = 200

// Backfill fetches what an incident channel said that the copilot has not seen
// (conversations.history, paged, from after the incident's newest stored message)
// and feeds it, oldest first, to the same store-and-queue path as live events. Each
// message is one event with an id of its own (channel and ts), so a backfill run
// twice, or overlapping live events, changes nothing. A channel that is no
// incident's is left alone. Returns how many messages were newly queued.
//
// Errors: EUNAVAILABLE, or Slack's error.
func (h *Handler) Backfill(ctx context.Context, channelID string) (int, error) {
	ch, err := h.channel(ctx, channelID)
	if err != nil || ch.IncidentID == "" {
		return 0, err
	}
	oldest := ""
	if inc, err := h.cp.Memory.FindIncidentByID(ctx, ch.IncidentID, true); err == nil {
		for _, m := range inc.Messages {
			if oldest == "" || copilot.TSTime(m.TS).After(copilot.TSTime(oldest)) {
				oldest = m.TS
			}
		}
	} else if copilot.ErrorCode(err) != copilot.ENOTFOUND {
		return 0, err
	}
	var msgs []slackgo.Message
	cursor := ""
	for {
		resp, err := h.api.GetConversationHistoryContext(ctx, &slackgo.GetConversationHistoryParameters{
			ChannelID: channelID, Oldest: oldest, Cursor: cursor, Limit: h.opts.BackfillPage})
		if err != nil {
			return 0, slackError("conversations.history", err)
		}
		msgs = append(msgs, resp.Messages...)
		cursor = resp.ResponseMetaData.NextCursor
		if !resp.HasMore || cursor == "" {
			break
		}
	}
	sort.SliceStable(msgs, func(i, j int) bool {
		return copilot.TSTime(msgs[i].Timestamp).Before(copilot.TSTime(msgs[j].Timestamp))
	})
	queued := 0
	for _, m := range msgs {
		raw, err := json.Marshal(map[string]any{"type": "message", "subtype": m.SubType, "channel": channelID, "user": m.User,
			"text": m.Text, "ts": m.Timestamp, "thread_ts": m.ThreadTimestamp, "bot_id": m.BotID})
		if err != nil {
			return queued, err
		}
		payload, err := maskJSON(raw, h.opts.Redact)
		if err != nil {
			return queued, err
		}
		ev := copilot.ChatEvent{ID: "backfill:" + channelID + ":" + m.Timestamp, Kind: copilot.ChatKindEvent, Channel: channelID, Payload: payload}
		accepted, err := h.store.AcceptChatEvent(ctx, ev)
		if err != nil {
			return queued, err
		}
		if accepted {
			queued++
		}
	}
	h.logger.Info("slack: backfilled", "channel", channelID, "fetched", len(msgs), "queued", queued)
	return queued, nil
}

// CatchUp queues, for every incident channel whose incident is not resolved, a
// backfill of what the channel said while no copilot was listening (a server
// calls it when it starts). The queue holds one catch-up per channel at a time,
// so replicas starting together fetch each channel once. Returns how many were
// queued.
//
// Errors: EUNAVAILABLE.
func (h *Handler) CatchUp(ctx context.Context) (int, error) {
	chans, err := h.store.ChatIncidentChannels(ctx)
	if err != nil {
		return 0, err
	}
	queued := 0
	for _, ch := range chans {
		ok, err := h.store.QueueChatCatchup(ctx, ch.ID)
		if err != nil {
			return queued, err
		}
		if ok {
			queued++
		}
	}
	h.logger.Info("slack: catch-up queued", "channels", len(chans), "queued", queued)
	return queued, nil
}

// WorkCatchup is the job of one queued catch-up: the channel's history since
// its incident's newest stored message, unless Slack says the channel is
// archived (nothing can be said there any more, and its incident is closed by
// whoever archived it).
//
// Errors: as Backfill; conversations.info's.
func (h *Handler) WorkCatchup(ctx context.Context, channelID string) error {
	info, err := h.api.GetConversationInfoContext(ctx, &slackgo.GetConversationInfoInput{ChannelID: channelID})
	if err != nil {
		return slackError("conversations.info", err)
	}
	if info.IsArchived {
		h.logger.Info("slack: catch-up skipped, channel archived", "channel", channelID)
		return nil
	}
	_, err = h.Backfill(ctx, channelID)
	return err
}

// botUser is the copilot's own user id (auth.test), asked once.
type botUser struct {
	mu sync.Mutex
	id string
}

func (h *Handler) botUserID(ctx context.Context) (string, error) {
	h.bot.mu.Lock()
	defer h.bot.mu.Unlock()
	if h.bot.id != "" {
		return h.bot.id, nil
	}
	resp, err := h.api.AuthTestContext(ctx)
	if err != nil {
		return "", slackError("auth.test", err)
	}
	h.bot.id = resp.UserID
	return h.bot.id, nil
}

// joined backfills a channel the copilot itself was just added to.
func (h *Handler) joined(ctx context.Context, channelID, user string) error {
	me, err := h.botUserID(ctx)
	if err != nil || user != me {
		return err
	}
	_, err = h.Backfill(ctx, channelID)
	return err
}
