package api

import (
	"context"
	"crypto/sha256"
	"crypto/subtle"
	"net/http"
	"strings"

	"github.com/incidentcopilot/incident-copilot/copilot"
)

// Scopes a token can carry.
const (
	ScopeRead    = "read"
	ScopeWrite   = "write"
	ScopePrivate = "private"
)

// Token is one API caller.
type Token struct {
	Name   string
	hash   [32]byte
	Scopes map[string]bool
}

// Tokens are the configured callers. Tokens are kept as SHA-256 digests and compared
// in constant time, so neither memory dumps nor response timing reveal them.
type Tokens struct{ list []Token }

// ParseTokens reads `name:token:scope+scope,...`. Errors name the entry, never the token.
func ParseTokens(spec string) (*Tokens, error) {
	t := &Tokens{}
	if strings.TrimSpace(spec) == "" {
		return t, nil
	}
	names := map[string]bool{}
	for i, entry := range strings.Split(spec, ",") {
		entry = strings.TrimSpace(entry)
		parts := strings.Split(entry, ":")
		if len(parts) != 3 || parts[0] == "" || parts[1] == "" || parts[2] == "" {
			return nil, copilot.Errorf(copilot.EINVALID, "COPILOT_API_TOKENS: entry %d: want name:token:scope+scope", i+1)
		}
		if names[parts[0]] {
			return nil, copilot.Errorf(copilot.EINVALID, "COPILOT_API_TOKENS: entry %d: name %q appears twice", i+1, parts[0])
		}
		names[parts[0]] = true
		if len(parts[1]) < 16 {
			return nil, copilot.Errorf(copilot.EINVALID, "COPILOT_API_TOKENS: entry %d (%s): token shorter than 16 characters", i+1, parts[0])
		}
		tok := Token{Name: parts[0], hash: sha256.Sum256([]byte(parts[1])), Scopes: map[string]bool{}}
		for _, sc := range strings.Split(parts[2], "+") {
			switch sc {
			case ScopeRead, ScopeWrite, ScopePrivate:
				tok.Scopes[sc] = true
			default:
				return nil, copilot.Errorf(copilot.EINVALID, "COPILOT_API_TOKENS: entry %d (%s): unknown scope %q (read, write, private)", i+1, parts[0], sc)
			}
		}
		t.list = append(t.list, tok)
	}
	return t, nil
}

// Empty reports whether no token is configured.
func (t *Tokens) Empty() bool { return len(t.list) == 0 }

// lookup finds the caller of a bearer token, comparing against every configured
// token so the time taken does not depend on which one matched.
func (t *Tokens) lookup(bearer string) *Token {
	h := sha256.Sum256([]byte(bearer))
	var found *Token
	for i := range t.list {
		if subtle.ConstantTimeCompare(h[:], t.list[i].hash[:]) == 1 {
			found = &t.list[i]
		}
	}
	return found
}

type callerKey struct{}

// callerName is where authenticate leaves the caller's name for the request log.
type callerName struct{ name string }

type callerNameKey struct{}

// caller is who is asking and what they may do.
type caller struct {
	name   string
	scopes map[string]bool
}

func callerOf(ctx context.Context) caller {
	c, _ := ctx.Value(callerKey{}).(caller)
	return c
}

func (c caller) has(scope string) bool { return c.scopes[scope] }

// authenticate resolves the bearer token. Without configured tokens the API runs
// open for reading public incidents only, the local-demo mode `serve` warns about.
func (s *Server) authenticate(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		var c caller
		if s.tokens.Empty() {
			c = caller{name: "anonymous", scopes: map[string]bool{ScopeRead: true}}
		} else {
			// The scheme is case-insensitive (RFC 9110 section 11.1).
			scheme, bearer, _ := strings.Cut(strings.TrimSpace(r.Header.Get("Authorization")), " ")
			if !strings.EqualFold(scheme, "Bearer") || strings.TrimSpace(bearer) == "" {
				w.Header().Set("WWW-Authenticate", `Bearer realm="copilot"`)
				s.writeError(w, r, copilot.Errorf(copilot.EUNAUTHORIZED, "Missing bearer token."))
				return
			}
			tok := s.tokens.lookup(strings.TrimSpace(bearer))
			if tok == nil {
				w.Header().Set("WWW-Authenticate", `Bearer realm="copilot", error="invalid_token"`)
				s.writeError(w, r, copilot.Errorf(copilot.EUNAUTHORIZED, "Invalid bearer token."))
				return
			}
			c = caller{name: tok.Name, scopes: tok.Scopes}
		}
		if who, ok := r.Context().Value(callerNameKey{}).(*callerName); ok {
			who.name = c.name
		}
		next.ServeHTTP(w, r.WithContext(context.WithValue(r.Context(), callerKey{}, c)))
	})
}

// actor is the caller as the memory sees a writer.
func (c caller) actor() copilot.Actor {
	return copilot.Actor{Name: c.name, Private: c.has(ScopePrivate)}
}

// require rejects callers without the scope.
func (s *Server) require(scope string) func(http.Handler) http.Handler {
	return func(next http.Handler) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			if !callerOf(r.Context()).has(scope) {
				s.writeError(w, r, copilot.Errorf(copilot.EFORBIDDEN, "This token lacks the %q scope.", scope))
				return
			}
			next.ServeHTTP(w, r)
		})
	}
}
