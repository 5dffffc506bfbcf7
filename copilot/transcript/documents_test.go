package transcript

import (
	"os"
	"strings"
	"testing"
	"time"

	"github.com/incidentcopilot/incident-copilot/copilot"
)

var documentErrorTests = []struct {
	name string
	in   string
	code string
	want string // substring of the error message
}{
	{
		name: "malformed JSON names line and column",
		in:   "[\n  {\"id\": \"A\",\n   \"messages\": [}\n]",
		code: copilot.EINVALID,
		want: "in.json:3:17: JSON syntax error",
	},
	{
		name: "truncated JSON",
		in:   "{\"id\": \"A\", \"messages\": [",
		code: copilot.EINVALID,
		want: "in.json:1:",
	},
	{
		name: "not an object",
		in:   "\n\n42",
		code: copilot.EINVALID,
		want: "in.json:3:1: expected a JSON object or array",
	},
	{
		name: "array element not an object",
		in:   "[\n\"x\"\n]",
		code: copilot.EINVALID,
		want: "in.json:2: incident must be a JSON object",
	},
	{
		name: "missing id",
		in:   "[\n{\"title\": \"t\"},\n{\n  \"title\": \"no id\"\n}\n]",
		code: copilot.EINVALID,
		want: "in.json:2: id: missing",
	},
	{
		name: "empty id",
		in:   `{"id": "  "}`,
		code: copilot.EINVALID,
		want: "in.json:1: id: empty",
	},
	{
		name: "id not a string",
		in:   "{\n\"id\": 7}",
		code: copilot.EINVALID,
		want: "in.json:2: id: must be a string",
	},
	{
		name: "missing ts names the message line",
		in:   "{\"id\": \"A\",\n \"messages\": [\n  {\"ts\": \"1.1\", \"text\": \"a\"},\n  {\"text\": \"b\"}\n]}",
		code: copilot.EINVALID,
		want: "in.json:4: messages[1].ts: missing",
	},
	{
		name: "bad ts",
		in:   "{\"id\": \"A\", \"messages\": [{\"ts\": \"yesterday\", \"text\": \"a\"}]}",
		code: copilot.EINVALID,
		want: `messages[0].ts: "yesterday" is not a Slack timestamp`,
	},
	{
		name: "numeric ts",
		in:   `{"id": "A", "messages": [{"ts": 1772446440.0001, "text": "a"}]}`,
		code: copilot.EINVALID,
		want: "messages[0].ts: must be a string",
	},
	{
		name: "too many fraction digits",
		in:   `{"id": "A", "messages": [{"ts": "1772446440.0000001", "text": "a"}]}`,
		code: copilot.EINVALID,
		want: "messages[0].ts:",
	},
	{
		name: "bad thread_ts",
		in:   `{"id": "A", "messages": [{"ts": "1.1", "thread_ts": "x", "text": "a"}]}`,
		code: copilot.EINVALID,
		want: "messages[0].thread_ts:",
	},
	{
		name: "missing text",
		in:   `{"id": "A", "messages": [{"ts": "1.1"}]}`,
		code: copilot.EINVALID,
		want: "in.json:1: messages[0].text: missing",
	},
	{
		name: "duplicate ts",
		in:   "{\"id\": \"A\", \"messages\": [\n{\"ts\": \"5.5\", \"text\": \"a\"},\n{\"ts\": \"5.500000\", \"text\": \"b\"}]}",
		code: copilot.EINVALID,
		want: "in.json:3: messages[1].ts: duplicate ts 5.500000 (also messages[0])",
	},
	{
		name: "bad visibility",
		in:   "{\"id\": \"A\",\n\"visibility\": \"secret\"}",
		code: copilot.EINVALID,
		want: `in.json:2: visibility: "secret" is not public or private`,
	},
	{
		name: "bad kind",
		in:   `{"id": "A", "messages": [{"ts": "1.1", "text": "a", "kind": "robot"}]}`,
		code: copilot.EINVALID,
		want: `messages[0].kind: "robot" is not message, bot or section`,
	},
	{
		name: "bad time",
		in:   `{"id": "A", "started_at": "2026-03-02 10:14"}`,
		code: copilot.EINVALID,
		want: "started_at: \"2026-03-02 10:14\" is not an RFC 3339 time",
	},
	{
		name: "messages not an array",
		in:   `{"id": "A", "messages": {"ts": "1.1"}}`,
		code: copilot.EINVALID,
		want: "messages: must be an array",
	},
	{
		name: "ticket without key",
		in:   "{\"id\": \"A\", \"tickets\": [\n{\"title\": \"x\"}]}",
		code: copilot.EINVALID,
		want: "in.json:2: tickets[0].key: missing",
	},
	{
		name: "duplicate ticket key",
		in:   `{"id": "A", "tickets": [{"key": "K-1"}, {"key": "K-1"}]}`,
		code: copilot.EINVALID,
		want: "tickets[1].key: duplicate key",
	},
	{
		name: "service not a string",
		in:   `{"id": "A", "services": ["a", 3]}`,
		code: copilot.EINVALID,
		want: "services[1]: must be a string",
	},
	{
		name: "duplicate incident id",
		in:   "{\"id\": \"A\"}\n{\"id\": \"A\"}",
		code: copilot.EINVALID,
		want: `in.json:2: id: "A" already appears at line 1`,
	},
	{
		name: "jsonl names its line",
		in:   "{\"id\": \"A\"}\n{\"id\": \"B\"}\n{\"id\": \"C\", \"messages\": [{\"ts\": \"bad\", \"text\": \"x\"}]}\n",
		code: copilot.EINVALID,
		want: "in.json:3: messages[0].ts:",
	},
	{
		name: "invalid UTF-8",
		in:   "{\"id\": \"A\",\n\"title\": \"caf\xe9\"}",
		code: copilot.EINVALID,
		want: "in.json:2:14: title: invalid UTF-8",
	},
	{
		name: "invalid UTF-8 in a message of a JSON array",
		in:   "[\n{\"id\": \"A\"},\n{\"id\": \"B\", \"messages\": [\n  {\"ts\": \"1.1\", \"text\": \"before\xffafter\"}]}\n]",
		code: copilot.EINVALID,
		want: "in.json:4:32: [1].messages[0].text: invalid UTF-8",
	},
	{
		name: "invalid UTF-8 in a JSONL line",
		in:   "{\"id\": \"A\"}\n{\"id\": \"B\", \"services\": [\"api\", \"d\xc3b\"]}\n",
		code: copilot.EINVALID,
		want: "in.json:2:35: services[1]: invalid UTF-8",
	},
	{
		name: "escaped NUL in a message text",
		in:   "{\"id\": \"A\", \"messages\": [\n {\"ts\": \"1.1\", \"text\": \"ok\"},\n {\"ts\": \"1.2\",\n  \"text\": \"before\\u0000after\"}]}",
		code: copilot.EINVALID,
		want: "in.json:4: messages[1].text: holds a NUL byte (at byte 6).",
	},
	{
		name: "escaped NUL in a ticket title",
		in:   "{\"id\": \"A\",\n \"tickets\": [{\"key\": \"OPS-1\", \"title\": \"\\u0000\"}]}",
		code: copilot.EINVALID,
		want: "in.json:2: tickets[0].title: holds a NUL byte",
	},
	{
		name: "escaped NUL in the id",
		in:   "{\"title\": \"t\",\n \"id\": \"A\\u0000\"}",
		code: copilot.EINVALID,
		want: "in.json:2: id: holds a NUL byte (at byte 1).",
	},
	{
		name: "lone surrogate escape",
		in:   "{\"id\": \"A\",\n \"title\": \"x\\ud800y\"}",
		code: copilot.EINVALID,
		want: `in.json:2: title: holds a \u escape that is not a character (a lone UTF-16 surrogate)`,
	},
	{
		name: "id with a slash",
		in:   "{\n\"id\": \"INC/42\"}",
		code: copilot.EINVALID,
		want: `in.json:2: id: "INC/42" is not a valid incident id`,
	},
	{
		name: "id too long for the index",
		in:   "{\n\"id\": \"" + strings.Repeat("x", 10000) + "\"}",
		code: copilot.EINVALID,
		want: `in.json:2: id: "` + strings.Repeat("x", 40) + `"… is not a valid incident id`,
	},
	{
		name: "oversized message",
		in:   `{"id": "A", "messages": [{"ts": "1772446440.000100", "text": "` + strings.Repeat("x", 65) + `"}]}`,
		code: copilot.ETOOLARGE,
		want: "in.json:1: messages[0].text: message ts 1772446440.000100 is 65 bytes, over the limit of 64",
	},
}

func TestReadDocumentsErrors(t *testing.T) {
	opts := Options{Limits: Limits{MaxMessageBytes: 64}}
	for _, tt := range documentErrorTests {
		t.Run(tt.name, func(t *testing.T) {
			incs, err := ReadDocuments("in.json", strings.NewReader(tt.in), opts)
			if err == nil {
				t.Fatalf("no error; got %d incidents", len(incs))
			}
			if incs != nil {
				t.Errorf("incidents returned alongside an error: %v", incs)
			}
			if code := copilot.ErrorCode(err); code != tt.code {
				t.Errorf("code = %s, want %s (%v)", code, tt.code, err)
			}
			if msg := copilot.ErrorMessage(err); !strings.Contains(msg, tt.want) {
				t.Errorf("message = %q, want it to contain %q", msg, tt.want)
			}
		})
	}
}

func TestReadDocumentsFileLimit(t *testing.T) {
	in := `{"id": "A", "title": "` + strings.Repeat("x", 100) + `"}`
	_, err := ReadDocuments("big.json", strings.NewReader(in), Options{Limits: Limits{MaxFileBytes: 50}})
	if copilot.ErrorCode(err) != copilot.ETOOLARGE || !strings.Contains(copilot.ErrorMessage(err), "big.json") {
		t.Fatalf("err = %v, want ETOOLARGE naming big.json", err)
	}
}

func readDocFile(t *testing.T, path string) []*copilot.Incident {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	incs, err := ReadDocuments(path, f, Options{})
	if err != nil {
		t.Fatalf("ReadDocuments(%s): %v", path, err)
	}
	return incs
}

func TestReadDocuments(t *testing.T) {
	incs := readDocFile(t, "testdata/documents/incidents.json")
	if len(incs) != 2 {
		t.Fatalf("got %d incidents, want 2", len(incs))
	}
	a, b := incs[0], incs[1]
	if a.ID != "INC-2041" || a.Title != "Checkout API 5xx after deploy" || a.Severity != "SEV2" || a.Team != "payments" {
		t.Errorf("fields: %+v", a)
	}
	if a.Source != copilot.SourceDocument || a.Visibility != copilot.VisibilityPublic {
		t.Errorf("source %q visibility %q", a.Source, a.Visibility)
	}
	if got := strings.Join(a.Services, ","); got != "checkout-api,payments-db" {
		t.Errorf("services = %q, want trimmed and deduplicated", got)
	}
	if want := time.Date(2026, 3, 2, 10, 2, 0, 0, time.UTC); !a.ResolvedAt.Equal(want) || a.ResolvedAt.Location() != time.UTC {
		t.Errorf("resolved_at = %v, want %v in UTC", a.ResolvedAt, want)
	}
	if a.ChannelID != "C0123" || a.ChannelName != "inc-2041-checkout-5xx" {
		t.Errorf("channel = %q %q", a.ChannelID, a.ChannelName)
	}
	var order []string
	for _, m := range a.Messages {
		order = append(order, m.UserName+"/"+m.Kind)
	}
	if got := strings.Join(order, " "); got != "alice/message bob/message pagerduty/bot" {
		t.Errorf("messages sorted by ts with kinds = %q", got)
	}
	if a.Messages[1].ThreadTS != "1772446440.000100" {
		t.Errorf("thread_ts lost: %+v", a.Messages[1])
	}
	if len(a.Tickets) != 1 || a.Tickets[0].Key != "PAY-881" || a.Tickets[0].URL == "" {
		t.Errorf("tickets = %+v", a.Tickets)
	}
	if b.Visibility != copilot.VisibilityPrivate || !b.IsPrivate() {
		t.Errorf("visibility = %q", b.Visibility)
	}
	if b.Services == nil || b.Tickets == nil {
		t.Errorf("services/tickets should be empty, not nil")
	}
	if !b.StartedAt.Equal(b.Messages[0].Time()) {
		t.Errorf("started_at = %v, want the first message time %v", b.StartedAt, b.Messages[0].Time())
	}
}

func TestReadDocumentsFormatsAgree(t *testing.T) {
	arr := readDocFile(t, "testdata/documents/incidents.json")
	lines := readDocFile(t, "testdata/documents/incidents.jsonl")
	single, err := ReadDocuments("one.json", strings.NewReader(`{"id": "INC-2050", "visibility": "private", "messages": [{"ts": "1773100100.000100", "text": "rotating keys"}]}`), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if got, want := jsonOf(t, lines), jsonOf(t, arr); got != want {
		t.Errorf("JSONL and array disagree:\n%s\n%s", got, want)
	}
	if got, want := jsonOf(t, single), jsonOf(t, arr[1:]); got != want {
		t.Errorf("single object and array element disagree:\n%s\n%s", got, want)
	}
}

func TestReadDocumentsEmpty(t *testing.T) {
	incs, err := ReadDocuments("empty.jsonl", strings.NewReader("\n  \n"), Options{})
	if err != nil || len(incs) != 0 {
		t.Fatalf("got %v, %v; want no incidents and no error", incs, err)
	}
}

func TestReadDocumentsBOM(t *testing.T) {
	incs, err := ReadDocuments("bom.json", strings.NewReader("\xef\xbb\xbf{\"id\": \"A\"}"), Options{})
	if err != nil || len(incs) != 1 {
		t.Fatalf("BOM-prefixed file: %v %v", incs, err)
	}
	_, err = ReadDocuments("bom.json", strings.NewReader("\xef\xbb\xbf{\"id\": 1}"), Options{})
	if !strings.Contains(copilot.ErrorMessage(err), "bom.json:1: id: must be a string") {
		t.Errorf("err = %v", err)
	}
}

func TestReadDocumentsKeepsWholeCharacters(t *testing.T) {
	in := `{"id": "A", "title": "\ud83d\ude00 \uFFFD ` + "\uFFFD" + ` ok"}`
	incs, err := ReadDocuments("in.json", strings.NewReader(in), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if want := "\U0001F600 \uFFFD \uFFFD ok"; incs[0].Title != want {
		t.Errorf("title = %q, want %q", incs[0].Title, want)
	}
}
