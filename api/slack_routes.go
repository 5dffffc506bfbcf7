package api

import (
	"net/http"

	"github.com/go-chi/chi/v5"

	"github.com/incidentcopilot/incident-copilot/copilot"
)

// SlackRoutes are Slack's three request URLs (api/slack implements them). Slack
// signs each request with the app's signing secret and the handler checks that
// signature, so these routes sit outside the bearer-token authentication.
type SlackRoutes interface {
	Events(w http.ResponseWriter, r *http.Request)
	Commands(w http.ResponseWriter, r *http.Request)
	Interactions(w http.ResponseWriter, r *http.Request)
}

// slackRoutes mounts them beside /v1's authenticated group; chi prefers these
// static paths to the group's wildcard. Without Slack configured they answer 501.
func (s *Server) slackRoutes(r chi.Router) {
	routes := []struct {
		path string
		h    func(SlackRoutes) http.HandlerFunc
	}{
		{"/v1/slack/events", func(sr SlackRoutes) http.HandlerFunc { return sr.Events }},
		{"/v1/slack/commands", func(sr SlackRoutes) http.HandlerFunc { return sr.Commands }},
		{"/v1/slack/interactions", func(sr SlackRoutes) http.HandlerFunc { return sr.Interactions }},
	}
	for _, rt := range routes {
		if s.slack == nil {
			r.Post(rt.path, func(w http.ResponseWriter, r *http.Request) {
				s.writeError(w, r, copilot.Errorf(copilot.ENOTIMPLEMENTED, "Slack is not configured: set SLACK_BOT_TOKEN and SLACK_SIGNING_SECRET."))
			})
			continue
		}
		r.Post(rt.path, rt.h(s.slack))
	}
}
