package slack

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"strconv"
	"sync"

	"github.com/slack-go/slack/socketmode"
)

// maxSocketInFlight bounds the Socket Mode requests stored at once.
const maxSocketInFlight = 16

// RunSocketMode receives Slack's requests over a Socket Mode connection (opened
// with the app-level token of sm's client) instead of the HTTP request URLs, and
// feeds them to the same path: events, slash commands and interactions are masked,
// stored and queued, and only then acknowledged. A request whose store fails is
// not acknowledged, so Slack sends it again. Returns when ctx ends or the
// connection gives up (invalid token).
//
// Socket Mode needs no signing secret: the connection itself is authenticated by
// the app-level token.
func (h *Handler) RunSocketMode(ctx context.Context, sm *socketmode.Client) error {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	runErr := make(chan error, 1)
	go func() { runErr <- sm.RunContext(ctx) }()
	sem := make(chan struct{}, maxSocketInFlight)
	var wg sync.WaitGroup
	defer wg.Wait()
	for {
		select {
		case <-ctx.Done():
			return nil
		case err := <-runErr:
			if err == nil || errors.Is(err, context.Canceled) {
				return nil
			}
			return err
		case ev, open := <-sm.Events:
			if !open {
				return nil
			}
			switch ev.Type {
			case socketmode.EventTypeConnected:
				h.logger.Info("slack: socket mode connected")
				continue
			case socketmode.EventTypeConnectionError, socketmode.EventTypeIncomingError:
				h.logger.Warn("slack: socket mode connection", "event", string(ev.Type), "detail", fmt.Sprint(ev.Data))
				continue
			case socketmode.EventTypeInvalidAuth:
				h.logger.Error("slack: socket mode refused the app-level token (SLACK_APP_TOKEN)")
				continue
			}
			if ev.Request == nil || ev.Request.EnvelopeID == "" {
				continue
			}
			select {
			case sem <- struct{}{}:
			case <-ctx.Done():
				return nil
			}
			wg.Add(1)
			go func(req socketmode.Request) {
				defer wg.Done()
				defer func() { <-sem }()
				h.socketRequest(ctx, sm, req)
			}(*ev.Request)
		}
	}
}

// socketRequest stores one request and acknowledges it with what the HTTP route
// would have answered.
func (h *Handler) socketRequest(ctx context.Context, sm *socketmode.Client, req socketmode.Request) {
	rp := h.socketReply(ctx, req)
	if rp.status != http.StatusOK {
		h.logger.Warn("slack: socket mode request not acknowledged", "type", req.Type, "status", rp.status, "reason", rp.text)
		if rp.status != http.StatusBadRequest {
			return // not stored: Slack retries an unacknowledged request
		}
	}
	if err := sm.AckCtx(ctx, req.EnvelopeID, rp.body); err != nil {
		h.logger.Warn("slack: socket mode acknowledgement not sent", "error", err.Error())
	}
}

// socketReply is the Socket Mode half of Events, Commands and Interactions: the
// payloads are the same JSON the HTTP routes receive (a slash command's fields
// as a JSON object instead of a form).
func (h *Handler) socketReply(ctx context.Context, req socketmode.Request) reply {
	retry := ""
	if req.RetryAttempt > 0 {
		retry = strconv.Itoa(req.RetryAttempt)
	}
	switch req.Type {
	case socketmode.RequestTypeEventsAPI:
		return h.ingestEvent(ctx, req.Payload, retry)
	case socketmode.RequestTypeSlashCommands:
		var cmd command
		if err := json.Unmarshal(req.Payload, &cmd); err != nil {
			return fail(http.StatusBadRequest, "not a slash command")
		}
		return h.ingestCommand(ctx, cmd, retry)
	case socketmode.RequestTypeInteractive:
		return h.ingestInteraction(ctx, req.Payload, retry)
	}
	return ok(nil)
}
