package slack

import (
	"container/list"
	"context"
	"errors"
	"regexp"
	"strings"
	"sync"
	"time"

	slackgo "github.com/slack-go/slack"

	"github.com/incidentcopilot/incident-copilot/copilot"
)

// Slack names people by user id: a message's author, and <@U024BE7LH> in its text.
// Where the copilot shows a speaker or an owner it shows their display name,
// asked once per person with users.info and kept in a bounded cache. Looking a
// name up never fails the work: any error leaves the id, and a 429 stops the
// lookups (ids shown meanwhile) until Slack's Retry-After has passed.

// Defaults of the name cache.
const (
	DefaultNameCacheSize = 2048
	DefaultNameTTL       = 6 * time.Hour
)

// userIDRE is a Slack user id standing alone (an owner or speaker field).
var userIDRE = regexp.MustCompile(`^[UW][A-Z0-9]{6,}$`)

// userMentionRE is a user mention in message text, with or without its label,
// or an engine's plain-text rendering of one (@U024BE7LH).
var userMentionRE = regexp.MustCompile(`<@([UW][A-Z0-9]{6,})(?:\|[^>]*)?>|(?:^|\B)@([UW][A-Z0-9]{6,})\b`)

type nameEntry struct {
	id   string
	name string
	at   time.Time
	elem *list.Element
}

// names is the cache: least recently used entries go first when it is full.
type names struct {
	mu      sync.Mutex
	size    int
	ttl     time.Duration
	entries map[string]*nameEntry
	lru     *list.List // front: most recent
	// inflight makes concurrent lookups of one id wait for one call.
	inflight map[string]chan struct{}
	paused   time.Time // no users.info until then (after a 429)
	now      func() time.Time
}

func newNames(size int, ttl time.Duration) *names {
	return &names{size: size, ttl: ttl, entries: map[string]*nameEntry{}, lru: list.New(),
		inflight: map[string]chan struct{}{}, now: time.Now}
}

// get returns the cached name of id, if fresh.
func (n *names) get(id string) (string, bool) {
	e, ok := n.entries[id]
	if !ok {
		return "", false
	}
	if n.now().Sub(e.at) > n.ttl {
		n.lru.Remove(e.elem)
		delete(n.entries, id)
		return "", false
	}
	n.lru.MoveToFront(e.elem)
	return e.name, true
}

func (n *names) put(id, name string) {
	if e, ok := n.entries[id]; ok {
		e.name, e.at = name, n.now()
		n.lru.MoveToFront(e.elem)
		return
	}
	e := &nameEntry{id: id, name: name, at: n.now()}
	e.elem = n.lru.PushFront(e)
	n.entries[id] = e
	for n.lru.Len() > n.size {
		old := n.lru.Remove(n.lru.Back()).(*nameEntry)
		delete(n.entries, old.id)
	}
}

// userName returns the display name of a Slack user id, or the id itself when it
// cannot be had (unknown user, Slack down or rate-limiting, no id). An unknown
// user is remembered as such; network trouble and 429s are not. Anything that
// is not a user id is returned as it is.
func (h *Handler) userName(ctx context.Context, id string) string {
	if !userIDRE.MatchString(id) {
		return id
	}
	n := h.names
	for {
		n.mu.Lock()
		if name, ok := n.get(id); ok {
			n.mu.Unlock()
			return name
		}
		if n.now().Before(n.paused) {
			n.mu.Unlock()
			return id
		}
		if wait, busy := n.inflight[id]; busy {
			n.mu.Unlock()
			select {
			case <-wait:
				continue
			case <-ctx.Done():
				return id
			}
		}
		done := make(chan struct{})
		n.inflight[id] = done
		n.mu.Unlock()

		name, err := h.lookUpName(ctx, id)

		n.mu.Lock()
		delete(n.inflight, id)
		close(done)
		var (
			rl      *slackgo.RateLimitedError
			refused slackgo.SlackErrorResponse
		)
		switch {
		case err == nil:
			n.put(id, name)
		case errors.As(err, &refused), errors.Is(err, errNoName):
			// Slack answered, and will answer the same (user_not_found): keep the id
			// as the name rather than asking again for every answer.
			n.put(id, id)
		case errors.As(err, &rl):
			after := rl.RetryAfter
			if after <= 0 {
				after = time.Second
			}
			n.paused = n.now().Add(after)
		}
		n.mu.Unlock()
		if err != nil {
			h.logger.Warn("slack: user name not found, showing the id", "user", id, "error", err.Error())
			return id
		}
		return name
	}
}

// lookUpName asks users.info: the display name, else the real name, else the
// user name. A user without any is an error (the id is shown).
func (h *Handler) lookUpName(ctx context.Context, id string) (string, error) {
	u, err := h.api.GetUserInfoContext(ctx, id)
	if err != nil {
		return "", err
	}
	for _, s := range []string{u.Profile.DisplayName, u.Profile.RealName, u.RealName, u.Name} {
		if s = strings.TrimSpace(h.opts.Redact(s)); s != "" {
			return s, nil
		}
	}
	return "", errNoName
}

var errNoName = errors.New("users.info: no name")

// labelMentions writes each <@U…> (or @U…) mention of text as <@U…|name>,
// Slack's own labelled form, which Escape shows as the name without a ping.
func (h *Handler) labelMentions(ctx context.Context, text string) string {
	if !strings.Contains(text, "@") {
		return text
	}
	return userMentionRE.ReplaceAllStringFunc(text, func(m string) string {
		sub := userMentionRE.FindStringSubmatch(m)
		id := sub[1] + sub[2]
		name := h.userName(ctx, id)
		if name == id || strings.ContainsAny(name, "<>|") {
			return m
		}
		return "<@" + id + "|" + name + ">"
	})
}

// nameFollowUps shows owners by name.
func (h *Handler) nameFollowUps(ctx context.Context, ans *copilot.FollowUpsAnswer) {
	if ans == nil {
		return
	}
	for i := range ans.Items {
		ans.Items[i].Owner = h.userName(ctx, ans.Items[i].Owner)
		ans.Items[i].Text = h.labelMentions(ctx, ans.Items[i].Text)
	}
}

// nameSummary shows the people of a summary by name.
func (h *Handler) nameSummary(ctx context.Context, ans *copilot.SummaryAnswer) {
	if ans == nil {
		return
	}
	s := &ans.Summary
	for i := range s.Owners {
		s.Owners[i].Person = h.userName(ctx, s.Owners[i].Person)
		s.Owners[i].Doing = h.labelMentions(ctx, s.Owners[i].Doing)
	}
	for _, p := range []*string{&s.Overview, &s.Impact, &s.RootCause, &s.Mitigation, &s.Resolution, &s.Status} {
		*p = h.labelMentions(ctx, *p)
	}
	for i := range s.Timeline {
		s.Timeline[i].Text = h.labelMentions(ctx, s.Timeline[i].Text)
	}
	for _, xs := range [][]string{s.Tried, s.Next} {
		for i := range xs {
			xs[i] = h.labelMentions(ctx, xs[i])
		}
	}
	// SummaryBlocks finds a sentence's sources by its text: label them alike.
	for i := range ans.Citations {
		ans.Citations[i].Text = h.labelMentions(ctx, ans.Citations[i].Text)
	}
}

// UserName is the display name of a Slack user id, or what it was given when
// that is no user id or Slack cannot tell (see the cache above). For
// copilot.Copilot.PersonName.
func (h *Handler) UserName(ctx context.Context, id string) string { return h.userName(ctx, id) }
