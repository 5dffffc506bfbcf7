package api

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/go-chi/chi/v5"

	"github.com/incidentcopilot/incident-copilot/copilot"
	"github.com/incidentcopilot/incident-copilot/copilot/transcript"
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
	// encoding/json would quietly turn invalid UTF-8 into U+FFFD: refuse it instead,
	// so what is searched is what was sent.
	if off := copilot.InvalidUTF8At(string(body)); off >= 0 {
		line, col := position(body, int64(off))
		return copilot.Errorf(copilot.EINVALID, "Request body is not valid UTF-8 at line %d, column %d.", line, col)
	}
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
	incs, err := transcript.ReadDocuments("request body", bytes.NewReader(body), transcript.Options{})
	if err != nil {
		return nil, err
	}
	for _, inc := range incs {
		if err := copilot.CheckIncident(inc); err != nil {
			return nil, err
		}
	}
	return incs, nil
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
	res, err := s.memory.Ingest(r.Context(), incs, copilot.IngestOptions{Actor: callerOf(r.Context()).actor()})
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	writeJSON(w, http.StatusCreated, res)
}

func (s *Server) handleGetIncident(w http.ResponseWriter, r *http.Request) {
	id, err := pathID(r)
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	inc, err := s.memory.FindIncidentByID(r.Context(), id, callerOf(r.Context()).has(ScopePrivate))
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
	// Note says what the answer lacks (the tracker did not answer: no open fixes).
	Note string `json:"note,omitempty"`
	// Verified says whether similar-incident search passed its gate.
	Verified bool `json:"verified"`
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
	verified, ok := s.gate(w, r, copilot.CapSimilar)
	if !ok {
		return
	}
	q.Filter.IncludePrivate = callerOf(r.Context()).has(ScopePrivate)
	if s.copilot != nil && s.copilot.Redact != nil {
		// The memory holds masked text; a secret pasted into the query is masked the
		// same way, and the answer, which repeats the query, never echoes it.
		q.Text = s.copilot.Redact(q.Text)
	}
	start := time.Now()
	ans, err := s.copilot.Similar(r.Context(), q)
	s.retrieval.WithLabelValues(kind).Observe(time.Since(start).Seconds())
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	resp := SearchResponseOf(q, ans.Results)
	resp.Note = ans.Note
	resp.Verified = verified
	writeJSON(w, http.StatusOK, resp)
}

func (s *Server) handleSimilar(w http.ResponseWriter, r *http.Request) {
	id, err := pathID(r)
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	q := copilot.SearchQuery{IncidentID: id}
	v := r.URL.Query()
	if q.Limit, err = limitParam(v, "limit", 5, retrievalMaxLimit); err != nil {
		s.writeError(w, r, err)
		return
	}
	if q.Filter, err = filterParams(v); err != nil {
		s.writeError(w, r, err)
		return
	}
	s.runSearch(w, r, q, "similar")
}

// filterParams reads the incident filters shared by similar and the listing.
func filterParams(v url.Values) (copilot.IncidentFilter, error) {
	var f copilot.IncidentFilter
	for _, sv := range v["service"] {
		for _, one := range strings.Split(sv, ",") {
			if one = strings.TrimSpace(one); one != "" {
				f.Services = append(f.Services, one)
			}
		}
	}
	f.Team, f.Status = v.Get("team"), v.Get("status")
	var err error
	if f.Since, err = copilot.ParseTime(`Parameter "since"`, v.Get("since")); err != nil {
		return f, err
	}
	f.Until, err = copilot.ParseTime(`Parameter "until"`, v.Get("until"))
	return f, err
}

// handleListIncidents pages through incidents, newest first. Private incidents are
// listed only for callers with the private scope, exactly as search shows them.
func (s *Server) handleListIncidents(w http.ResponseWriter, r *http.Request) {
	v := r.URL.Query()
	limit, err := limitParam(v, "limit", 50, copilot.MaxListLimit)
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	f, err := filterParams(v)
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	f.IncludePrivate = callerOf(r.Context()).has(ScopePrivate)
	l, err := s.memory.ListIncidents(r.Context(), f, copilot.Page{Limit: limit, Cursor: v.Get("cursor")})
	s.answer(w, r, l, err)
}

// searchRequest is the body of POST /v1/search.
type searchRequest struct {
	Query   string `json:"query"`
	Limit   *int   `json:"limit"`
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
	if err := req.check(); err != nil {
		s.writeError(w, r, err)
		return
	}
	q := copilot.SearchQuery{Text: req.Query, Limit: 5}
	if req.Limit != nil {
		q.Limit = *req.Limit
	}
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
	id, err := pathID(r)
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	verified, ok := s.gate(w, r, copilot.CapSummary)
	if !ok {
		return
	}
	ans, err := s.copilot.Summary(r.Context(), id, callerOf(r.Context()).has(ScopePrivate))
	if err == nil {
		ans.Verified = verified
	}
	s.answer(w, r, ans, err)
}

func (s *Server) handlePostSummary(w http.ResponseWriter, r *http.Request) {
	inc, err := s.readOneIncident(w, r)
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	verified, ok := s.gate(w, r, copilot.CapSummary)
	if !ok {
		return
	}
	ans, err := s.copilot.SummarizeIncident(r.Context(), inc)
	if err == nil {
		ans.Verified = verified
	}
	s.answer(w, r, ans, err)
}

func (s *Server) handleFollowUps(w http.ResponseWriter, r *http.Request) {
	unc, err := boolParam(r.URL.Query().Get("uncaptured"), "uncaptured")
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	id, err := pathID(r)
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	verified, ok := s.gate(w, r, copilot.CapFollowUps)
	if !ok {
		return
	}
	ans, err := s.copilot.FollowUps(r.Context(), id, callerOf(r.Context()).has(ScopePrivate), unc)
	if err == nil {
		ans.Verified = verified
	}
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
	verified, ok := s.gate(w, r, copilot.CapFollowUps)
	if !ok {
		return
	}
	ans, err := s.copilot.FollowUpsOfIncident(r.Context(), inc, unc)
	if err == nil {
		ans.Verified = verified
	}
	s.answer(w, r, ans, err)
}

func (s *Server) handleRunbook(w http.ResponseWriter, r *http.Request) {
	id, err := pathID(r)
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	verified, ok := s.gate(w, r, copilot.CapRunbook)
	if !ok {
		return
	}
	ans, err := s.copilot.Runbook(r.Context(), id, callerOf(r.Context()).has(ScopePrivate))
	if err == nil {
		ans.Verified = verified
	}
	s.answer(w, r, ans, err)
}

func (s *Server) handlePostRunbook(w http.ResponseWriter, r *http.Request) {
	inc, err := s.readOneIncident(w, r)
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	verified, ok := s.gate(w, r, copilot.CapRunbook)
	if !ok {
		return
	}
	ans, err := s.copilot.RunbookForIncident(r.Context(), inc, callerOf(r.Context()).has(ScopePrivate))
	if err == nil {
		ans.Verified = verified
	}
	s.answer(w, r, ans, err)
}

// gate asks the gates about a capability before it runs: a capability the operator
// turned off answers 503, and anything else runs with its verified flag.
func (s *Server) gate(w http.ResponseWriter, r *http.Request, capability string) (verified, ok bool) {
	if s.copilot == nil {
		return false, true
	}
	st, err := s.copilot.Capability(r.Context(), capability)
	if err != nil {
		s.writeError(w, r, err)
		return false, false
	}
	if st.Mode == copilot.ModeOff {
		s.writeError(w, r, copilot.Errorf(copilot.EUNAVAILABLE, "Capability %q is turned off by the operator (COPILOT_CAPABILITIES).", capability))
		return false, false
	}
	return st.Verified, true
}

// capabilitiesResponse is GET /v1/capabilities.
type capabilitiesResponse struct {
	Capabilities []copilot.CapabilityStatus `json:"capabilities"`
}

// handleCapabilities lists what each capability may do now and why.
func (s *Server) handleCapabilities(w http.ResponseWriter, r *http.Request) {
	resp := capabilitiesResponse{Capabilities: []copilot.CapabilityStatus{}}
	for _, name := range copilot.Capabilities {
		var cp *copilot.Copilot
		if s.copilot != nil {
			cp = s.copilot
		} else {
			cp = &copilot.Copilot{}
		}
		st, err := cp.Capability(r.Context(), name)
		if err != nil {
			s.writeError(w, r, err)
			return
		}
		resp.Capabilities = append(resp.Capabilities, st)
	}
	writeJSON(w, http.StatusOK, resp)
}

func (s *Server) answer(w http.ResponseWriter, r *http.Request, v any, err error) {
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, v)
}

// retrievalMaxLimit bounds how many incidents one search returns (the store's
// MaxLimit; the api does not import the adapter).
const retrievalMaxLimit = 50

// limitParam reads an optional limit: absent means def, anything else must be a whole
// number in 1..max (limit=0 is a mistake, not "the default").
func limitParam(v url.Values, name string, def, max int) (int, error) {
	if _, ok := v[name]; !ok {
		return def, nil
	}
	raw := v.Get(name)
	n, err := strconv.Atoi(raw)
	if err != nil {
		return 0, copilot.Errorf(copilot.EINVALID, "Parameter %q: %s is not a whole number.", name, copilot.Quote(raw, 20))
	}
	if n < 1 || n > max {
		return 0, copilot.Errorf(copilot.EINVALID, "Parameter %q: %d is outside 1..%d.", name, n, max)
	}
	return n, nil
}

// pathID is the {id} of the route, checked against copilot.IDPattern: a malformed id
// is a 400, never a lookup.
func pathID(r *http.Request) (string, error) {
	id := chi.URLParam(r, "id")
	if err := copilot.CheckID(`Path parameter "id"`, id); err != nil {
		return "", err
	}
	return id, nil
}

// check validates a search request before anything runs: every string is text the
// database can hold, the limit is in range.
func (req *searchRequest) check() error {
	if err := copilot.CheckText(`Field "query"`, req.Query); err != nil {
		return err
	}
	if strings.TrimSpace(req.Query) == "" {
		return copilot.Errorf(copilot.EINVALID, "Field \"query\": must not be empty.")
	}
	if req.Limit != nil && (*req.Limit < 1 || *req.Limit > retrievalMaxLimit) {
		return copilot.Errorf(copilot.EINVALID, "Field \"limit\": %d is outside 1..%d.", *req.Limit, retrievalMaxLimit)
	}
	for i, sv := range req.Filters.Services {
		if err := copilot.CheckText(fmt.Sprintf("Field \"filters.services[%d]\"", i), sv); err != nil {
			return err
		}
	}
	for _, f := range []struct{ name, v string }{
		{"filters.team", req.Filters.Team}, {"filters.status", req.Filters.Status},
		{"filters.since", req.Filters.Since}, {"filters.until", req.Filters.Until},
	} {
		if err := copilot.CheckText(fmt.Sprintf("Field %q", f.name), f.v); err != nil {
			return err
		}
	}
	return nil
}

// checkParams answers 400 for a query string that holds a NUL byte or invalid UTF-8,
// in a name or a value, before any handler or the database sees it.
func (s *Server) checkParams(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		q, err := url.ParseQuery(r.URL.RawQuery)
		if err != nil {
			s.writeError(w, r, copilot.Errorf(copilot.EINVALID, "Query string is malformed: %s.", strings.TrimPrefix(err.Error(), "invalid ")))
			return
		}
		for name, vs := range q {
			if err := copilot.CheckText("Parameter name", name); err != nil {
				s.writeError(w, r, err)
				return
			}
			for _, v := range vs {
				if err := copilot.CheckText(fmt.Sprintf("Parameter %s", copilot.Quote(name, 40)), v); err != nil {
					s.writeError(w, r, err)
					return
				}
			}
		}
		next.ServeHTTP(w, r)
	})
}

func (s *Server) handleDeleteIncident(w http.ResponseWriter, r *http.Request) {
	id, err := pathID(r)
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	if err := s.memory.DeleteIncident(r.Context(), id, callerOf(r.Context()).actor()); err != nil {
		s.writeError(w, r, err)
		return
	}
	w.WriteHeader(http.StatusNoContent)
}

// AuditResponse is the answer of GET /v1/audit.
type AuditResponse struct {
	Entries []copilot.AuditEntry `json:"entries"`
}

func (s *Server) handleAudit(w http.ResponseWriter, r *http.Request) {
	limit, err := limitParam(r.URL.Query(), "limit", 100, 1000)
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	entries, err := s.memory.AuditLog(r.Context(), limit)
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, AuditResponse{Entries: entries})
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
