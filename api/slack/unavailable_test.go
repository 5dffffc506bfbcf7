package slack_test

import (
	"bytes"
	"context"
	"net/http"
	"net/http/httptest"
	"testing"
	"time"

	slackgo "github.com/slack-go/slack"

	"github.com/incidentcopilot/incident-copilot/api/slack"
	"github.com/incidentcopilot/incident-copilot/copilot"
	"github.com/incidentcopilot/incident-copilot/copilot/memtest"
	"github.com/incidentcopilot/incident-copilot/copilot/redact"
)

// downStore is a store whose database is unreachable.
type downStore struct{ slack.Store }

func (downStore) AcceptChatEvent(context.Context, copilot.ChatEvent) (bool, error) {
	return false, copilot.Errorf(copilot.EUNAVAILABLE, "The database is unavailable.")
}

// TestStoreDownAnswers503: an event that could not be stored is not acknowledged,
// so Slack sends it again.
func TestStoreDownAnswers503(t *testing.T) {
	h, err := slack.New(slack.Options{SigningSecret: secret, Client: slackgo.New("xoxb-test"), Store: downStore{},
		Copilot: &copilot.Copilot{Memory: &memtest.Memory{}}, Redact: redact.String})
	if err != nil {
		t.Fatal(err)
	}
	body := []byte(`{"type":"event_callback","event_id":"Ev1","team_id":"T1","event":{"type":"message","channel":"C1","user":"U1","ts":"1.000100","text":"hi"}}`)
	req := httptest.NewRequest(http.MethodPost, "/v1/slack/events", bytes.NewReader(body))
	sign(req, body, time.Now(), secret)
	rec := httptest.NewRecorder()
	h.Events(rec, req)
	if rec.Code != http.StatusServiceUnavailable {
		t.Fatalf("status %d, want 503", rec.Code)
	}
}
