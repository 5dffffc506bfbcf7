package api

import (
	"net/http"

	"github.com/go-chi/chi/v5"

	"github.com/incidentcopilot/incident-copilot/copilot"
)

// handleFileFollowUp captures one follow-up of a stored incident: it files the
// ticket in the configured tracker (or, without one, records the follow-up as
// captured by the caller). 201 when this request captured it, 200 when it already
// was: clicking twice is safe. Slack's "Create ticket" button and `copilot ticket`
// call the same Copilot.FileFollowUp.
func (s *Server) handleFileFollowUp(w http.ResponseWriter, r *http.Request) {
	id, err := pathID(r)
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	fu := chi.URLParam(r, "followup_id")
	if !copilot.ValidID(fu) {
		s.writeError(w, r, copilot.Errorf(copilot.EINVALID, "Path parameter \"followup_id\": %s is not a follow-up id (the \"id\" of an item of GET /v1/incidents/{id}/follow-ups).", copilot.Quote(fu, 40)))
		return
	}
	rec, err := s.copilot.FileFollowUp(r.Context(), id, fu, callerOf(r.Context()).actor())
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	status := http.StatusOK
	if rec.New {
		status = http.StatusCreated
	}
	writeJSON(w, status, rec)
}
