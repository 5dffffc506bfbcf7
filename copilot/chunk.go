package copilot

import (
	"sort"
	"strings"
	"time"
)

// ChunkOptions bound the chunks a transcript is cut into.
type ChunkOptions struct {
	// MaxTokens is the token budget of one chunk (approximated as words × 4/3).
	MaxTokens int
	// Window closes a chunk of top-level messages when the next one comes later than this.
	Window time.Duration
}

// DefaultChunkOptions suit the local embedder and most provider models: a chunk is a
// conversational moment of a few minutes, small enough that its citations are precise.
var DefaultChunkOptions = ChunkOptions{MaxTokens: 256, Window: 10 * time.Minute}

// EstimateTokens approximates how many model tokens a text takes.
func EstimateTokens(s string) int {
	return (len(strings.Fields(s))*4 + 2) / 3
}

// ChunkIncident cuts a transcript into chunks that follow threads and time windows:
// a thread (its parent and replies) stays together; top-level messages are grouped
// while they come within Window of each other. No chunk exceeds MaxTokens unless a
// single message does. Chunks keep the ts of every message they hold.
func ChunkIncident(inc *Incident, opts ChunkOptions) []Chunk {
	if opts.MaxTokens <= 0 {
		opts.MaxTokens = DefaultChunkOptions.MaxTokens
	}
	if opts.Window <= 0 {
		opts.Window = DefaultChunkOptions.Window
	}

	// Group messages into units: a thread with its replies, or a lone message. A unit
	// is placed where its first message is.
	type unit struct{ msgs []Message }
	var units []*unit
	threads := map[string]*unit{}
	for _, m := range inc.Messages {
		if m.ThreadTS != "" && m.ThreadTS != m.TS {
			if u := threads[m.ThreadTS]; u != nil {
				u.msgs = append(u.msgs, m)
				continue
			}
		}
		u := &unit{msgs: []Message{m}}
		units = append(units, u)
		key := m.TS
		if m.ThreadTS != "" {
			key = m.ThreadTS
		}
		if threads[key] == nil {
			threads[key] = u
		}
	}

	var chunks []Chunk
	var cur []Message
	curTokens := 0
	var lastTime time.Time
	flush := func() {
		if len(cur) == 0 {
			return
		}
		chunks = append(chunks, newChunk(inc.ID, len(chunks), cur))
		cur, curTokens = nil, 0
	}
	for _, u := range units {
		threaded := len(u.msgs) > 1
		for i, m := range u.msgs {
			line := messageLine(m)
			t := EstimateTokens(line)
			first := i == 0
			gap := first && !lastTime.IsZero() && !m.Time().IsZero() && m.Time().Sub(lastTime) > opts.Window
			// A thread starts its own chunk so a conversation is not split from its context.
			if len(cur) > 0 && (curTokens+t > opts.MaxTokens || gap || (first && threaded)) {
				flush()
			}
			cur = append(cur, m)
			curTokens += t
			if first && !m.Time().IsZero() {
				lastTime = m.Time()
			}
		}
		if threaded {
			flush()
		}
	}
	flush()
	return chunks
}

func newChunk(incidentID string, seq int, msgs []Message) Chunk {
	lines := make([]string, len(msgs))
	ts := make([]string, len(msgs))
	for i, m := range msgs {
		lines[i] = messageLine(m)
		ts[i] = m.TS
	}
	sorted := append([]string(nil), ts...)
	sort.Slice(sorted, func(i, j int) bool { return TSLess(sorted[i], sorted[j]) })
	return Chunk{
		IncidentID: incidentID,
		Seq:        seq,
		Text:       strings.Join(lines, "\n"),
		FirstTS:    sorted[0],
		LastTS:     sorted[len(sorted)-1],
		MessageTS:  ts,
	}
}

// messageLine renders one message as one line of a chunk, so a chunk's lines and its
// MessageTS correspond one to one.
func messageLine(m Message) string {
	text := strings.Join(strings.Fields(m.Text), " ")
	name := m.UserName
	if name == "" {
		name = m.User
	}
	if name == "" {
		return text
	}
	return name + ": " + text
}

// TSLess orders Slack timestamps numerically ("9.5" before "10.1").
func TSLess(a, b string) bool {
	ta, tb := TSTime(a), TSTime(b)
	if !ta.Equal(tb) {
		return ta.Before(tb)
	}
	return a < b
}
