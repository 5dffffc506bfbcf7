package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"strings"
	"sync"
	"testing"
	"time"
)

// Tokens of the write-authorization table: every combination that matters.
const (
	roToken     = "ro-token-0123456789abc"   // read
	rwToken     = "rw-token-0123456789abc"   // read+write
	rwpToken    = "rwp-token-0123456789abc"  // read+write+private
	rpToken     = "rp-token-0123456789abc"   // read+private (no write)
	rootToken   = "root-token-0123456789abc" // read+write+private, used to check state
	secretTitle = "ultra secret merger outage"
)

func safetyEnv(t *testing.T) func(string) string {
	t.Helper()
	return testEnvWith(t, "ro:"+roToken+":read,rw:"+rwToken+":read+write,rwp:"+rwpToken+
		":read+write+private,rp:"+rpToken+":read+private,root:"+rootToken+":read+write+private")
}

// serveFor migrates and starts `copilot serve` on a free port; it stops with the test.
func serveFor(t *testing.T, env func(string) string) (base string, logs *syncBuffer) {
	t.Helper()
	base, logs, stop := serveUntil(t, env)
	t.Cleanup(stop)
	return base, logs
}

// serveUntil migrates and starts `copilot serve` on a free port; stop ends it
// (a shutdown that is not clean fails the test).
func serveUntil(t *testing.T, env func(string) string) (base string, logs *syncBuffer, stop func()) {
	t.Helper()
	if _, stderr, err := run(t, env, "migrate"); err != nil {
		t.Fatalf("migrate: %v\n%s", err, stderr)
	}
	ctx, cancel := context.WithCancel(context.Background())
	ready := make(chan string, 1)
	done := make(chan error, 1)
	logs = &syncBuffer{}
	m := &Main{Stdout: io.Discard, Stderr: logs, Getenv: env, Ready: func(a string) { ready <- a }}
	go func() { done <- m.Run(ctx, []string{"serve", "--addr", "127.0.0.1:0"}) }()
	select {
	case a := <-ready:
		base = "http://" + a
	case err := <-done:
		cancel()
		t.Fatalf("serve exited: %v\n%s", err, logs.String())
	case <-time.After(60 * time.Second):
		cancel()
		t.Fatal("serve did not start")
	}
	var once sync.Once
	stop = func() {
		once.Do(func() {
			cancel()
			if err := <-done; err != nil {
				t.Errorf("serve did not shut down cleanly: %v", err)
			}
		})
	}
	return base, logs, stop
}

func incidentDoc(id, visibility, title, text string) map[string]any {
	return map[string]any{"id": id, "title": title, "visibility": visibility, "services": []string{"ledger"},
		"messages": []map[string]string{{"ts": "1780000000.000100", "user_name": "ann", "text": text}}}
}

// storedState is what the root token sees of an incident: "" when it does not exist.
func storedState(t *testing.T, base, id string) string {
	t.Helper()
	res := do(t, "GET", base+"/v1/incidents/"+id, rootToken, nil)
	if res.status == 404 {
		return ""
	}
	var inc struct {
		Title      string `json:"title"`
		Visibility string `json:"visibility"`
		Messages   []struct {
			Text string `json:"text"`
		} `json:"messages"`
	}
	mustJSON(t, res.body, &inc)
	var texts []string
	for _, m := range inc.Messages {
		texts = append(texts, m.Text)
	}
	return inc.Visibility + "|" + inc.Title + "|" + strings.Join(texts, "/")
}

// TestWriteAuthorization: every write route × every scope × (missing, public,
// private) target. A refused write changes nothing and names no stored content.
func TestWriteAuthorization(t *testing.T) {
	t.Parallel()
	env := safetyEnv(t)
	base, _ := serveFor(t, env)

	tokens := []struct {
		name, token    string
		write, private bool
	}{
		{"read", roToken, false, false},
		{"read+private", rpToken, false, true},
		{"read+write", rwToken, true, false},
		{"read+write+private", rwpToken, true, true},
	}
	type op struct {
		name string
		// do performs the write on id and returns the response.
		do func(t *testing.T, token, id string) response
		// after is the state the write leaves when allowed, from the state before.
		after func(before string) string
		// allowed says whether a caller with these scopes may do it to a target of
		// this visibility ("" = missing).
		allowed  func(write, private bool, target string) bool
		okStatus int
		// refused is the status of a refusal when the caller holds write.
		refused func(target string) int
	}
	ops := []op{
		{
			name: "post public",
			do: func(t *testing.T, token, id string) response {
				return do(t, "POST", base+"/v1/incidents", token, incidentDoc(id, "public", "published by a writer", "overwritten text"))
			},
			after:    func(string) string { return "public|published by a writer|overwritten text" },
			allowed:  func(w, p bool, target string) bool { return w && (target != "private" || p) },
			okStatus: 201,
			refused:  func(string) int { return 403 },
		},
		{
			name: "post private",
			do: func(t *testing.T, token, id string) response {
				return do(t, "POST", base+"/v1/incidents", token, incidentDoc(id, "private", "made private", "private text"))
			},
			after:    func(string) string { return "private|made private|private text" },
			allowed:  func(w, p bool, target string) bool { return w && p },
			okStatus: 201,
			refused:  func(string) int { return 403 },
		},
		{
			name: "delete",
			do: func(t *testing.T, token, id string) response {
				return do(t, "DELETE", base+"/v1/incidents/"+id, token, nil)
			},
			after:    func(string) string { return "" },
			allowed:  func(w, p bool, target string) bool { return w && target != "" && (target != "private" || p) },
			okStatus: 204,
			// A private incident is invisible without the scope: deleting it answers
			// like deleting a missing one.
			refused: func(target string) int {
				if target == "public" {
					return 403
				}
				return 404
			},
		},
	}
	n := 0
	for _, tok := range tokens {
		for _, o := range ops {
			for _, target := range []string{"", "public", "private"} {
				n++
				id := fmt.Sprintf("AUTHZ-%d", n)
				name := fmt.Sprintf("%s/%s/%s", tok.name, o.name, map[string]string{"": "missing", "public": "public", "private": "private"}[target])
				t.Run(name, func(t *testing.T) {
					if target != "" {
						expectStatus(t, do(t, "POST", base+"/v1/incidents", rootToken, incidentDoc(id, target, secretTitle, "the original transcript")), 201)
					}
					before := storedState(t, base, id)
					res := o.do(t, tok.token, id)
					if o.allowed(tok.write, tok.private, target) {
						expectStatus(t, res, o.okStatus)
						if got, want := storedState(t, base, id), o.after(before); got != want {
							t.Errorf("state after allowed write = %q, want %q", got, want)
						}
						return
					}
					want := 403
					if tok.write {
						want = o.refused(target)
					}
					expectStatus(t, res, want)
					if got := storedState(t, base, id); got != before {
						t.Errorf("refused write changed the incident: %q -> %q", before, got)
					}
					if strings.Contains(res.body, secretTitle) || strings.Contains(res.body, "original transcript") {
						t.Errorf("refusal names stored content: %s", res.body)
					}
				})
			}
		}
	}

	t.Run("audit log", func(t *testing.T) {
		expectError(t, do(t, "GET", base+"/v1/audit", rwToken, nil), 403, "forbidden")
		res := do(t, "GET", base+"/v1/audit?limit=1000", rootToken, nil)
		expectStatus(t, res, 200)
		var body struct {
			Entries []struct {
				Actor      string    `json:"actor"`
				Action     string    `json:"action"`
				IncidentID string    `json:"incident_id"`
				Detail     string    `json:"detail"`
				At         time.Time `json:"at"`
			} `json:"entries"`
		}
		mustJSON(t, res.body, &body)
		seen := map[string]bool{}
		for _, e := range body.Entries {
			if e.At.IsZero() || e.Actor == "" || e.IncidentID == "" {
				t.Errorf("incomplete audit entry %+v", e)
			}
			seen[e.Actor+" "+e.Action+" "+e.Detail] = true
		}
		// rw deleted a public incident; rwp deleted a private one, published a private
		// one and made a public one private.
		for _, want := range []string{"rw delete public", "rwp delete private", "rwp visibility private -> public", "rwp visibility public -> private"} {
			if !seen[want] {
				t.Errorf("audit log lacks %q: %s", want, res.body)
			}
		}
		if strings.Contains(res.body, secretTitle) {
			t.Errorf("audit log holds incident content")
		}
	})
}

// TestBadInputGets400 sends what once answered 500: NUL bytes and invalid UTF-8 in
// paths, parameters, filter values and document fields, a huge id, an id with a
// slash. Each is a 400 naming the field, and nothing is stored.
func TestBadInputGets400(t *testing.T) {
	t.Parallel()
	env := safetyEnv(t)
	base, _ := serveFor(t, env)
	expectStatus(t, do(t, "POST", base+"/v1/incidents", rootToken, incidentDoc("OK-1", "public", "pool exhausted", "too many clients already")), 201)

	long := strings.Repeat("x", 10000)
	for _, tc := range []struct {
		method, path, body, mention string
	}{
		{"GET", "/v1/incidents/a%00b", "", `"id"`},
		{"GET", "/v1/incidents/a%FFb", "", `"id"`},
		{"GET", "/v1/incidents/" + long, "", `"id"`},
		{"GET", "/v1/incidents/" + long + "/similar", "", `"id"`},
		{"GET", "/v1/incidents/a%2Fb", "", `"id"`},
		{"GET", "/v1/incidents/OK-1/summary?x=%00", "", "Parameter"},
		{"GET", "/v1/incidents/OK-1/similar?team=%00", "", `"team"`},
		{"GET", "/v1/incidents/OK-1/similar?status=%FF", "", `"status"`},
		{"GET", "/v1/incidents/OK-1/similar?service=a%00", "", `"service"`},
		{"GET", "/v1/incidents/OK-1/similar?limit=0", "", `"limit"`},
		{"GET", "/v1/incidents/OK-1/similar?limit=51", "", `"limit"`},
		{"GET", "/v1/incidents/OK-1/follow-ups?uncaptured=%00", "", "uncaptured"},
		{"DELETE", "/v1/incidents/a%00b", "", `"id"`},
		{"POST", "/v1/search", `{"query":"pool\u0000exhausted"}`, `"query"`},
		{"POST", "/v1/search", `{"query":"pool","limit":0}`, `"limit"`},
		{"POST", "/v1/search", `{"query":"pool","filters":{"team":"a\u0000"}}`, `"filters.team"`},
		{"POST", "/v1/search", `{"query":"pool","filters":{"services":["a\u0000"]}}`, `services[0]`},
		{"POST", "/v1/search", "{\"query\":\"pool \xff\"}", "line 1, column 16"},
		{"POST", "/v1/incidents", `{"id":"NUL-1","messages":[{"ts":"1.1","text":"before\u0000after"}]}`, "text"},
		{"POST", "/v1/incidents", "{\"id\":\"UTF-1\",\"messages\":[{\"ts\":\"1.1\",\"text\":\"bad \xff byte\"}]}", ""},
		{"POST", "/v1/incidents", `{"id":"` + long + `","messages":[{"ts":"1.1","text":"x"}]}`, "id"},
		{"POST", "/v1/incidents", `{"id":"a/b","messages":[{"ts":"1.1","text":"x"}]}`, "id"},
		{"POST", "/v1/incidents", `{"id":"ok-2","title":"t\u0000","messages":[{"ts":"1.1","text":"x"}]}`, "title"},
		{"POST", "/v1/summary", `{"id":"S-1","messages":[{"ts":"1.1","text":"a\u0000b"}]}`, "text"},
	} {
		t.Run(tc.method+" "+clip(tc.path, 60)+" "+clip(tc.body, 60), func(t *testing.T) {
			res := doRaw(t, tc.method, base+tc.path, rootToken, tc.body)
			expectError(t, res, 400, "invalid")
			var e struct {
				Error struct{ Message string } `json:"error"`
			}
			mustJSON(t, res.body, &e)
			if tc.mention != "" && !strings.Contains(e.Error.Message, tc.mention) {
				t.Errorf("error does not name %s: %s", tc.mention, e.Error.Message)
			}
			if strings.Contains(res.body, long) || strings.Contains(res.body, "\\u0000") && !strings.Contains(res.body, "NUL") {
				t.Errorf("error echoes the bad value: %s", clip(res.body, 300))
			}
		})
	}
	for _, id := range []string{"NUL-1", "UTF-1", "ok-2", "S-1"} {
		if st := storedState(t, base, id); st != "" {
			t.Errorf("%s was stored from a rejected request: %q", id, st)
		}
	}

	t.Run("bearer scheme in any case", func(t *testing.T) {
		for _, scheme := range []string{"bearer", "BEARER", "Bearer"} {
			req, _ := http.NewRequest("GET", base+"/v1/incidents/OK-1", nil)
			req.Header.Set("Authorization", scheme+" "+roToken)
			res, err := http.DefaultClient.Do(req)
			if err != nil {
				t.Fatal(err)
			}
			res.Body.Close()
			if res.StatusCode != 200 {
				t.Errorf("%s: status %d", scheme, res.StatusCode)
			}
		}
	})
	t.Run("HEAD works where GET does", func(t *testing.T) {
		for _, path := range []string{"/healthz", "/v1/incidents/OK-1", "/v1/incidents/OK-1/similar", "/openapi.json"} {
			req, _ := http.NewRequest("HEAD", base+path, nil)
			req.Header.Set("Authorization", "Bearer "+roToken)
			res, err := http.DefaultClient.Do(req)
			if err != nil {
				t.Fatal(err)
			}
			b, _ := io.ReadAll(res.Body)
			res.Body.Close()
			if res.StatusCode != 200 || len(b) != 0 {
				t.Errorf("HEAD %s: status %d, %d body bytes", path, res.StatusCode, len(b))
			}
		}
		res := doRaw(t, "HEAD", base+"/v1/incidents/NOPE-1", roToken, "")
		expectStatus(t, res, 404)
	})
	t.Run("CLI rejects a bad id", func(t *testing.T) {
		_, _, err := run(t, env, "delete", "a/b")
		if exitCode(err) != 2 || !strings.Contains(userMessage(err), "not a valid incident id") {
			t.Errorf("delete a/b: %v (exit %d)", err, exitCode(err))
		}
		_, _, err = run(t, env, "delete", "NOPE-1")
		if err == nil || exitCode(err) == 0 {
			t.Errorf("delete of a missing incident succeeded")
		}
		out, _, err := run(t, env, "delete", "OK-1", "--json")
		if err != nil {
			t.Fatal(err)
		}
		var d map[string]string
		if json.Unmarshal([]byte(out), &d) != nil || d["deleted"] != "OK-1" {
			t.Errorf("delete --json = %q", out)
		}
		if st := storedState(t, base, "OK-1"); st != "" {
			t.Errorf("OK-1 survives delete: %q", st)
		}
	})
}
