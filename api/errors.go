package api

import (
	"encoding/json"
	"log/slog"
	"net/http"

	"github.com/incidentcopilot/incident-copilot/copilot"
)

// codes is the one table from domain error codes to HTTP statuses.
var codes = map[string]int{
	copilot.EINVALID:        http.StatusBadRequest,
	copilot.EUNAUTHORIZED:   http.StatusUnauthorized,
	copilot.EFORBIDDEN:      http.StatusForbidden,
	copilot.ENOTFOUND:       http.StatusNotFound,
	copilot.ECONFLICT:       http.StatusConflict,
	copilot.ETOOLARGE:       http.StatusRequestEntityTooLarge,
	copilot.ENOTIMPLEMENTED: http.StatusNotImplemented,
	copilot.EUNAVAILABLE:    http.StatusServiceUnavailable,
	copilot.EINTERNAL:       http.StatusInternalServerError,
}

// StatusOf returns the HTTP status for an error code.
func StatusOf(code string) int {
	if s, ok := codes[code]; ok {
		return s
	}
	return http.StatusInternalServerError
}

type errorBody struct {
	Error struct {
		Code    string `json:"code"`
		Message string `json:"message"`
	} `json:"error"`
}

// writeError answers with the JSON error for err. Only internal and unavailable
// errors are logged with their cause, throttled (see failureLog); the client sees the
// code and the domain's user-safe message.
func (s *Server) writeError(w http.ResponseWriter, r *http.Request, err error) {
	code, msg := copilot.ErrorCode(err), copilot.ErrorMessage(err)
	s.failures.record(r, code, err)
	var body errorBody
	body.Error.Code, body.Error.Message = code, msg
	writeJSON(w, StatusOf(code), body)
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	if err := enc.Encode(v); err != nil {
		slog.Debug("write response", "err", err)
	}
}
