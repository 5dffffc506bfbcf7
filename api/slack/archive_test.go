package slack_test

import (
	"context"
	"strings"
	"testing"

	"github.com/incidentcopilot/incident-copilot/api/slack"
	"github.com/incidentcopilot/incident-copilot/copilot"
)

func archive(channel, user string, private bool) map[string]any {
	typ := "channel_archive"
	if private {
		typ = "group_archive"
	}
	return map[string]any{"type": typ, "channel": channel, "user": user}
}

// TestArchivedUnresolved: Slack refuses posts to an archived channel, so when an
// incident channel is archived before /copilot resolve, its uncaptured follow-ups go
// to the incident lead by direct message: once, only when the follow-ups capability
// may act, and for a private incident only to a lead who is a member of its channel.
func TestArchivedUnresolved(t *testing.T) {
	t.Parallel()
	for _, c := range []struct {
		name     string
		gates    copilot.Gates
		creator  string // the channel's creator; "UBOTINC" is an incident tool
		private  bool
		members  []string
		resolved bool
		wantTo   string // "" when nothing may be sent
	}{
		{name: "lead created the channel", gates: actGates{}, creator: "ULEAD", wantTo: "ULEAD"},
		{name: "a bot created it: the archiver hears", gates: actGates{}, creator: "UBOTINC", wantTo: "UARCH"},
		{name: "no gates: nothing unasked", creator: "ULEAD"},
		{name: "resolved first: nothing", gates: actGates{}, creator: "ULEAD", resolved: true},
		{name: "private, lead a member", gates: actGates{}, creator: "ULEAD", private: true, members: []string{"ULEAD", "UARCH"}, wantTo: "ULEAD"},
		{name: "private, lead not a member", gates: actGates{}, creator: "ULEAD", private: true, members: []string{"UARCH"}},
	} {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			e := newEnv(t, c.gates)
			ctx := context.Background()
			e.slack.channels["C7"] = fakeChannel{Name: "inc-77-ledger", Private: c.private, Creator: c.creator}
			e.slack.members["C7"] = c.members
			e.slack.users["ULEAD"] = map[string]any{"display_name": "Lena", "name": "lena"}
			e.slack.users["UARCH"] = map[string]any{"display_name": "Arch", "name": "arch"}
			e.slack.users["UBOTINC"] = map[string]any{"display_name": "incident-bot", "name": "incident-bot", "is_bot": true}
			e.startWorkers()
			e.event("Ev1", message("C7", "ULEAD", "1772446440.000100", "ledger writes failing, disk on ledger-db-2 is full"), nil)
			e.event("Ev2", message("C7", "UARCH", "1772446500.000100", "I'll add an alert on disk usage above 80% for the ledger hosts by Friday"), nil)
			eventually(t, "the transcript", func() bool {
				inc, err := e.cp.Memory.FindIncidentByID(ctx, "inc-77-ledger", true)
				return err == nil && len(inc.Messages) == 2
			})
			if c.resolved {
				e.command("C7", "ULEAD", "resolve")
				// /copilot resolve posts the follow-ups in the channel itself.
				eventually(t, "the resolution's follow-ups", func() bool {
					for _, p := range e.slack.posts("chat.postMessage") {
						if p.Form.Get("channel") == "C7" && strings.Contains(p.Form.Get("text"), "Follow-ups of") {
							return true
						}
					}
					return false
				})
			}
			before := len(e.slack.posts("chat.postMessage"))
			e.slack.mu.Lock()
			ch := e.slack.channels["C7"]
			ch.Archived = true
			e.slack.channels["C7"] = ch
			e.slack.mu.Unlock()
			e.event("Ev3", archive("C7", "UARCH", c.private), nil)
			e.event("Ev3", archive("C7", "UARCH", c.private), nil) // Slack's retry of the same event
			e.event("Ev4", archive("C7", "UARCH", c.private), nil) // a second delivery under a new id
			if c.wantTo != "" {
				eventually(t, "the direct message", func() bool { return len(e.slack.posts("chat.postMessage")) > before })
			}
			e.idle()
			posts := e.slack.posts("chat.postMessage")[before:]
			if c.wantTo == "" {
				if len(posts) != 0 {
					t.Fatalf("%d posts after the archive, want none: %v", len(posts), posts[0].Form)
				}
				return
			}
			if len(posts) != 1 {
				t.Fatalf("%d posts after the archive, want 1", len(posts))
			}
			p := posts[0].Form
			if p.Get("channel") != c.wantTo {
				t.Errorf("sent to %q, want the lead %q", p.Get("channel"), c.wantTo)
			}
			blocks := p.Get("blocks")
			if !strings.Contains(blocks, "disk usage") || !strings.Contains(blocks, slack.ActionNotFollowUp) {
				t.Errorf("the message lacks the follow-up or its buttons: %s", blocks)
			}
			if strings.Contains(blocks, "<@") {
				t.Errorf("the message pings someone: %s", blocks)
			}
		})
	}
}
