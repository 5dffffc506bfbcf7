package api

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/go-chi/chi/v5"

	"incidentcopilot/copilot"
	"incidentcopilot/copilot/transcript"
)

// readBody reads a request body within the size limit.
func (s *Server) readBody(w http.ResponseWriter, r *http.Request) ([]byte, error) {
	body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, s.maxBody))
	if err != nil {
		var mbe *http.MaxBytesError
		if errors.As(err, &mbe) {
			return nil, copilot.Errorf(copilot.ETOOLARGE, "Request body is larger than %d bytes.", s.maxBody)
		}
		return nil, copilot.Errorf(copilot.EINVALID, "Request body could not be read.")
	}
	return body, nil
}

// decodeJSON decodes a request body strictly; errors give the line and column.
func decodeJSON(body []byte, v any) error {
	dec := json.NewDecoder(bytes.NewReader(body))
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		var se *json.SyntaxError
		var te *json.UnmarshalTypeError
		switch {
		case errors.As(err, &se):
			line, col := position(body, se.Offset)
			return copilot.Errorf(copilot.EINVALID, "Malformed JSON at line %d, column %d: %s.", line, col, se.Error())
		case errors.As(err, &te):
			line, col := position(body, te.Offset)
			return copilot.Errorf(copilot.EINVALID, "Field %q at line %d, column %d: expected %s.", te.Field, line, col, te.Type)
		case errors.Is(err, io.EOF):
			return copilot.Errorf(copilot.EINVALID, "Request body is empty.")
		case errors.Is(err, io.ErrUnexpectedEOF):
			line, col := position(body, int64(len(body)))
			return copilot.Errorf(copilot.EINVALID, "Malformed JSON at line %d, column %d: unexpected end of input.", line, col)
		default:
			return copilot.Errorf(copilot.EINVALID, "Malformed JSON: %s.", strings.TrimPrefix(err.Error(), "json: "))
		}
	}
	if dec.More() {
		return copilot.Errorf(copilot.EINVALID, "Request body holds more than one JSON value.")
	}
	return nil
}

func position(b []byte, off int64) (line, col int) {
	if off > int64(len(b)) {
		off = int64(len(b))
	}
	line, col = 1, 1
	for _, c := range b[:off] {
		if c == '\n' {
			line++
			col = 1
		} else {
			col++
		}
	}
	return line, col
}

// readIncidents parses incident documents from the body with the ingest parser.
func (s *Server) readIncidents(w http.ResponseWriter, r *http.Request) ([]*copilot.Incident, error) {
	body, err := s.readBody(w, r)
	if err != nil {
		return nil, err
	}
	if len(bytes.TrimSpace(body)) == 0 {
		return nil, copilot.Errorf(copilot.EINVALID, "Request body is empty.")
	}
	return transcript.ReadDocuments("request body", bytes.NewReader(body), transcript.Options{})
}

// readOneIncident parses a single incident document given inline.
func (s *Server) readOneIncident(w http.ResponseWriter, r *http.Request) (*copilot.Incident, error) {
	incs, err := s.readIncidents(w, r)
	if err != nil {
		return nil, err
	}
	if len(incs) != 1 {
		return nil, copilot.Errorf(copilot.EINVALID, "Request body must hold exactly one incident document, found %d.", len(incs))
	}
	if err := mayWrite(r, incs); err != nil {
		return nil, err
	}
	return incs[0], nil
}

// mayWrite refuses private incidents to callers without the private scope.
func mayWrite(r *http.Request, incs []*copilot.Incident) error {
	if callerOf(r.Context()).has(ScopePrivate) {
		return nil
	}
	for _, inc := range incs {
		if inc.IsPrivate() {
			return copilot.Errorf(copilot.EFORBIDDEN, "Private incidents need the %q scope.", ScopePrivate)
		}
	}
	return nil
}

func (s *Server) handlePostIncidents(w http.ResponseWriter, r *http.Request) {
	incs, err := s.readIncidents(w, r)
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	if err := mayWrite(r, incs); err != nil {
		s.writeError(w, r, err)
		return
	}
	res, err := s.memory.Ingest(r.Context(), incs, nil)
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	writeJSON(w, http.StatusCreated, res)
}

func (s *Server) handleGetIncident(w http.ResponseWriter, r *http.Request) {
	inc, err := s.memory.FindIncidentByID(r.Context(), chi.URLParam(r, "id"), callerOf(r.Context()).has(ScopePrivate))
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, inc)
}

// SearchResponse is the answer of both similar and search, over HTTP and in the
// CLI's --json.
type SearchResponse struct {
	Query   SearchEcho             `json:"query"`
	Results []copilot.SearchResult `json:"results"`
}

// SearchResponseOf builds the answer to q.
func SearchResponseOf(q copilot.SearchQuery, results []copilot.SearchResult) SearchResponse {
	if q.Limit == 0 {
		q.Limit = 5
	}
	if results == nil {
		results = []copilot.SearchResult{}
	}
	return SearchResponse{Query: echoOf(q), Results: results}
}

// SearchEcho repeats the query an answer is for.
type SearchEcho struct {
	IncidentID string         `json:"incident_id,omitempty"`
	Text       string         `json:"text,omitempty"`
	Limit      int            `json:"limit"`
	Filters    map[string]any `json:"filters"`
}

func echoOf(q copilot.SearchQuery) SearchEcho {
	f := map[string]any{}
	if len(q.Filter.Services) > 0 {
		f["services"] = q.Filter.Services
	}
	if q.Filter.Team != "" {
		f["team"] = q.Filter.Team
	}
	if q.Filter.Status != "" {
		f["status"] = q.Filter.Status
	}
	if !q.Filter.Since.IsZero() {
		f["since"] = q.Filter.Since
	}
	if !q.Filter.Until.IsZero() {
		f["until"] = q.Filter.Until
	}
	return SearchEcho{IncidentID: q.IncidentID, Text: q.Text, Limit: q.Limit, Filters: f}
}

func (s *Server) runSearch(w http.ResponseWriter, r *http.Request, q copilot.SearchQuery, kind string) {
	q.Filter.IncludePrivate = callerOf(r.Context()).has(ScopePrivate)
	start := time.Now()
	results, err := s.memory.Search(r.Context(), q)
	s.retrieval.WithLabelValues(kind).Observe(time.Since(start).Seconds())
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, SearchResponseOf(q, results))
}

func (s *Server) handleSimilar(w http.ResponseWriter, r *http.Request) {
	q := copilot.SearchQuery{IncidentID: chi.URLParam(r, "id")}
	v := r.URL.Query()
	var err error
	if q.Limit, err = intParam(v.Get("limit"), "limit"); err != nil {
		s.writeError(w, r, err)
		return
	}
	for _, sv := range v["service"] {
		for _, one := range strings.Split(sv, ",") {
			if one = strings.TrimSpace(one); one != "" {
				q.Filter.Services = append(q.Filter.Services, one)
			}
		}
	}
	q.Filter.Team, q.Filter.Status = v.Get("team"), v.Get("status")
	if q.Filter.Since, err = copilot.ParseTime(`Parameter "since"`, v.Get("since")); err != nil {
		s.writeError(w, r, err)
		return
	}
	if q.Filter.Until, err = copilot.ParseTime(`Parameter "until"`, v.Get("until")); err != nil {
		s.writeError(w, r, err)
		return
	}
	s.runSearch(w, r, q, "similar")
}

// searchRequest is the body of POST /v1/search.
type searchRequest struct {
	Query   string `json:"query"`
	Limit   int    `json:"limit"`
	Filters struct {
		Services []string `json:"services"`
		Team     string   `json:"team"`
		Status   string   `json:"status"`
		Since    string   `json:"since"`
		Until    string   `json:"until"`
	} `json:"filters"`
}

func (s *Server) handleSearch(w http.ResponseWriter, r *http.Request) {
	body, err := s.readBody(w, r)
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	var req searchRequest
	if err := decodeJSON(body, &req); err != nil {
		s.writeError(w, r, err)
		return
	}
	if strings.TrimSpace(req.Query) == "" {
		s.writeError(w, r, copilot.Errorf(copilot.EINVALID, "Field \"query\": must not be empty."))
		return
	}
	q := copilot.SearchQuery{Text: req.Query, Limit: req.Limit}
	q.Filter.Services, q.Filter.Team, q.Filter.Status = req.Filters.Services, req.Filters.Team, req.Filters.Status
	if q.Filter.Since, err = copilot.ParseTime(`Field "filters.since"`, req.Filters.Since); err != nil {
		s.writeError(w, r, err)
		return
	}
	if q.Filter.Until, err = copilot.ParseTime(`Field "filters.until"`, req.Filters.Until); err != nil {
		s.writeError(w, r, err)
		return
	}
	s.runSearch(w, r, q, "search")
}

func (s *Server) handleSummary(w http.ResponseWriter, r *http.Request) {
	ans, err := s.copilot.Summary(r.Context(), chi.URLParam(r, "id"), callerOf(r.Context()).has(ScopePrivate))
	s.answer(w, r, ans, err)
}

func (s *Server) handlePostSummary(w http.ResponseWriter, r *http.Request) {
	inc, err := s.readOneIncident(w, r)
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	ans, err := s.copilot.SummarizeIncident(r.Context(), inc)
	s.answer(w, r, ans, err)
}

func (s *Server) handleFollowUps(w http.ResponseWriter, r *http.Request) {
	unc, err := boolParam(r.URL.Query().Get("uncaptured"), "uncaptured")
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	ans, err := s.copilot.FollowUps(r.Context(), chi.URLParam(r, "id"), callerOf(r.Context()).has(ScopePrivate), unc)
	s.answer(w, r, ans, err)
}

func (s *Server) handlePostFollowUps(w http.ResponseWriter, r *http.Request) {
	unc, err := boolParam(r.URL.Query().Get("uncaptured"), "uncaptured")
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	inc, err := s.readOneIncident(w, r)
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	ans, err := s.copilot.FollowUpsOfIncident(r.Context(), inc, unc)
	s.answer(w, r, ans, err)
}

func (s *Server) handleRunbook(w http.ResponseWriter, r *http.Request) {
	ans, err := s.copilot.Runbook(r.Context(), chi.URLParam(r, "id"), callerOf(r.Context()).has(ScopePrivate))
	s.answer(w, r, ans, err)
}

func (s *Server) handlePostRunbook(w http.ResponseWriter, r *http.Request) {
	inc, err := s.readOneIncident(w, r)
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	ans, err := s.copilot.RunbookForIncident(r.Context(), inc, callerOf(r.Context()).has(ScopePrivate))
	s.answer(w, r, ans, err)
}

func (s *Server) answer(w http.ResponseWriter, r *http.Request, v any, err error) {
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, v)
}

func intParam(v, name string) (int, error) {
	if v == "" {
		return 0, nil
	}
	n, err := strconv.Atoi(v)
	if err != nil {
		return 0, copilot.Errorf(copilot.EINVALID, "Parameter %q: %q is not a whole number.", name, v)
	}
	return n, nil
}

func boolParam(v, name string) (bool, error) {
	if v == "" {
		return false, nil
	}
	b, err := strconv.ParseBool(v)
	if err != nil {
		return false, copilot.Errorf(copilot.EINVALID, "Parameter %q: %q is not true or false.", name, v)
	}
	return b, nil
}
