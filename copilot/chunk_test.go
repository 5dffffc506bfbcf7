package copilot

import (
	"strings"
	"testing"
	"time"
)

func msgAt(sec int, user, text, thread string) Message {
	ts := FormatTS(time.Unix(1772446440+int64(sec), 0))
	th := ""
	if thread != "" {
		th = thread
	}
	return Message{TS: ts, UserName: user, Text: text, ThreadTS: th}
}

var chunkTests = []struct {
	name       string
	msgs       func() []Message
	opts       ChunkOptions
	wantChunks int
	check      func(t *testing.T, cs []Chunk)
}{
	{
		name: "one window",
		msgs: func() []Message {
			return []Message{msgAt(0, "a", "checkout 5xx", ""), msgAt(30, "b", "looking", ""), msgAt(60, "c", "db pool?", "")}
		},
		wantChunks: 1,
	},
	{
		name: "gap splits windows",
		msgs: func() []Message {
			return []Message{msgAt(0, "a", "alert fired", ""), msgAt(60, "b", "ack", ""), msgAt(3600, "a", "resolved", "")}
		},
		wantChunks: 2,
		check: func(t *testing.T, cs []Chunk) {
			if cs[1].FirstTS != cs[1].LastTS || len(cs[1].MessageTS) != 1 {
				t.Errorf("second chunk should hold only the late message: %+v", cs[1])
			}
		},
	},
	{
		name: "thread stays together out of order",
		msgs: func() []Message {
			parent := msgAt(0, "a", "is it dns?", "")
			parent.ThreadTS = parent.TS
			r1 := msgAt(10, "b", "nxdomain from coredns", parent.TS)
			mid := msgAt(20, "c", "unrelated top-level", "")
			r2 := msgAt(30, "a", "yes dns", parent.TS)
			return []Message{parent, r1, mid, r2}
		},
		wantChunks: 2,
		check: func(t *testing.T, cs []Chunk) {
			if len(cs[0].MessageTS) != 3 || !strings.Contains(cs[0].Text, "yes dns") {
				t.Errorf("thread chunk = %+v", cs[0])
			}
			if !strings.Contains(cs[1].Text, "unrelated") {
				t.Errorf("top-level chunk = %+v", cs[1])
			}
		},
	},
	{
		name: "token budget splits",
		msgs: func() []Message {
			var ms []Message
			for i := 0; i < 10; i++ {
				ms = append(ms, msgAt(i, "a", strings.Repeat("word ", 30), ""))
			}
			return ms
		},
		opts:       ChunkOptions{MaxTokens: 100, Window: time.Hour},
		wantChunks: 5,
		check: func(t *testing.T, cs []Chunk) {
			for _, c := range cs {
				if EstimateTokens(c.Text) > 100+10 {
					t.Errorf("chunk %d over budget: %d tokens", c.Seq, EstimateTokens(c.Text))
				}
			}
		},
	},
}

func TestChunkIncident(t *testing.T) {
	for _, tt := range chunkTests {
		t.Run(tt.name, func(t *testing.T) {
			inc := &Incident{ID: "INC-1", Messages: tt.msgs()}
			cs := ChunkIncident(inc, tt.opts)
			if len(cs) != tt.wantChunks {
				t.Fatalf("got %d chunks, want %d: %+v", len(cs), tt.wantChunks, cs)
			}
			seen := map[string]int{}
			for i, c := range cs {
				if c.Seq != i || c.IncidentID != "INC-1" {
					t.Errorf("chunk %d has seq %d incident %q", i, c.Seq, c.IncidentID)
				}
				for _, ts := range c.MessageTS {
					seen[ts]++
				}
			}
			for _, m := range inc.Messages {
				if seen[m.TS] != 1 {
					t.Errorf("message %s appears in %d chunks, want 1", m.TS, seen[m.TS])
				}
			}
			if tt.check != nil {
				tt.check(t, cs)
			}
		})
	}
}
