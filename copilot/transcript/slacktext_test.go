package transcript

import "testing"

var testUsers = map[string]string{"U01ALICE": "alice", "U02BOB": "Bob Jones", "U05AT": "@dave"}

var normalizeTests = []struct {
	name string
	in   string
	want string
}{
	{"plain text untouched", "deploy finished", "deploy finished"},
	{"known user mention", "<@U01ALICE> can you look?", "@alice can you look?"},
	{"unknown user stays id", "ping <@U99X>", "ping @U99X"},
	{"user mention with label", "<@U99X|zed> said", "@zed said"},
	{"label wins over map", "<@U01ALICE|ally>", "@ally"},
	{"map name with at sign", "<@U05AT>", "@dave"},
	{"channel with name", "see <#C0DB|db-oncall>", "see #db-oncall"},
	{"channel without name", "see <#C0DB>", "see #C0DB"},
	{"channel with empty label", "see <#C0DB|>", "see #C0DB"},
	{"link with label", "<https://example.com/x|the doc>", "the doc (https://example.com/x)"},
	{"bare link", "<https://example.com/x>", "https://example.com/x"},
	{"auto-linked label equals address", "<http://example.com|example.com>", "example.com"},
	{"mailto link", "<mailto:ops@example.com|ops@example.com>", "ops@example.com"},
	{"here", "<!here> heads up", "@here heads up"},
	{"channel broadcast", "<!channel>", "@channel"},
	{"everyone with label", "<!everyone|everyone>", "@everyone"},
	{"subteam with label", "<!subteam^S0SRE|@sre-team> please", "@sre-team please"},
	{"subteam without label", "<!subteam^S0SRE>", "@S0SRE"},
	{"date falls back to its text", "<!date^1392734382^{date}|Feb 18th, 2014>", "Feb 18th, 2014"},
	{"entities", "p99 &gt; 2s &amp;&amp; pool &lt; 10", "p99 > 2s && pool < 10"},
	{"escaped entity decoded once", "&amp;lt;", "&lt;"},
	{"entity inside link url", "<https://e.com/?a=1&amp;b=2|q>", "q (https://e.com/?a=1&b=2)"},
	{"unclosed bracket kept", "a < b and <@U01ALICE>", "a < b and @alice"},
	{"trailing open bracket", "oops <", "oops <"},
	{"empty brackets kept", "<>", "<>"},
	{"several tokens", "<@U01ALICE> and <@U02BOB> in <#C1|inc-1>", "@alice and @Bob Jones in #inc-1"},
	{"invalid utf-8 passes through", "bad \xff byte <!here>", "bad \xff byte @here"},
}

func TestNormalizeSlackText(t *testing.T) {
	for _, tt := range normalizeTests {
		t.Run(tt.name, func(t *testing.T) {
			if got := NormalizeSlackText(tt.in, testUsers); got != tt.want {
				t.Errorf("NormalizeSlackText(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestNormalizeSlackTextNilUsers(t *testing.T) {
	if got := NormalizeSlackText("<@U01ALICE>", nil); got != "@U01ALICE" {
		t.Errorf("got %q, want @U01ALICE", got)
	}
}
