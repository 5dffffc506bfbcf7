package embeddings

import (
	"github.com/incidentcopilot/incident-copilot/copilot/failure"
	"github.com/incidentcopilot/incident-copilot/copilot/text"
)

// content reports whether a token should become a feature: not a stop word
// (negations stay: "not ready" and "no such host" depend on them),
// not a single character, and not an id (Slack timestamps, hashes, pod suffixes)
// that would make unrelated chunks look alike only because both carry ids.
func content(t failure.Token) bool {
	if t.Ticket {
		return true
	}
	s := t.S
	if len(s) < 2 || text.IsStopWord(s) {
		return false
	}
	return !isID(s)
}

// isID reports whether a token looks like an identifier rather than a word:
// a long number (timestamps, ids; status codes and ports are short), a mix of
// letters and many digits ("7d9f8b6c5", "30000ms"), or a long hex string.
func isID(s string) bool {
	digits, hex := 0, true
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= '0' && c <= '9':
			digits++
		case c >= 'a' && c <= 'f':
		default:
			hex = false
		}
	}
	switch {
	case digits == len(s):
		return len(s) > 5
	case len(s) >= 6 && digits >= 3:
		return true
	case len(s) >= 8 && hex && digits > 0:
		return true
	}
	return false
}
