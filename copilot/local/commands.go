package local

import (
	"regexp"
	"strings"
)

// A command pasted into the channel is the most exact step there is: the responder
// who reads the runbook can run it again. Only commands that change the system are
// steps; reads (get, describe, select, dig, GET) are diagnostics.
var (
	// changeCommandRE: a command line that changes the system, by tool.
	changeCommandRE = regexp.MustCompile(`^(?:` +
		`(?:kubectl|k|oc)\s+(?:-\S+\s+(?:\S+\s+)?)*(?:scale|rollout|patch|delete|cordon|uncordon|drain|apply|edit|set|annotate|label|replace|create|taint)\b` +
		`|helm\s+(?:rollback|upgrade|uninstall|install)\b` +
		`|argocd\s+app\s+(?:sync|rollback|set|patch)\b` +
		`|aws\s+\S+\s+(?:associate|disassociate|update|modify|put|delete|create|reboot|start|stop|attach|detach|register|deregister|set|enable|disable|restore|promote|failover|terminate|purge|cancel|invoke)-\S+` +
		`|(?:gcloud|az)\s+.*\b(?:update|delete|create|resize|set|restart|failover|deploy)\b` +
		`|(?:sudo\s+)?(?:systemctl|service)\s+(?:\S+\s+)?(?:restart|reload|stop|start|disable|enable)\b` +
		`|(?:terraform|tf)\s+(?:apply|import|state\s+rm|taint)\b` +
		`|(?:cmctl|certbot)\s+(?:renew|certonly)\b` +
		`|redis-cli\s+.*\b(?:config\s+set|del|unlink|flushdb|flushall|client\s+kill)\b` +
		`|rabbitmqctl\s+(?:purge_queue|delete_queue|set_policy|clear_policy|stop_app|start_app)\b` +
		`|kafka-consumer-groups(?:\.sh)?\s+.*--reset-offsets\b.*--execute\b` +
		// An HTTP API call by path (Elasticsearch, an admin API), not a logged
		// request to a URL.
		`|(?:PUT|DELETE|POST)\s+/?[\w.*,-]+(?:/\S*)?(?:\s+\{.*)?$` +
		// Statements that undo a jam. Schema changes and data updates quoted in a
		// channel are more often the cause on display than the fix.
		`|(?i:kill\s+(?:query\s+)?\d+|vacuum\b|config\s+set\s|select\s+pg_(?:terminate|cancel)_backend|select\s+pg_drop_replication_slot)` +
		`)`)
	// aboutCommandRE: words of a sentence about a command rather than the command.
	aboutCommandRE = regexp.MustCompile(`\b(has|have|had|was|were|is|are|failed|fails|because|since|when|why)\b`)
	// commandDoneRE: a report after a command typed as the message ("KILL 88121 done").
	commandDoneRE = regexp.MustCompile(`(?i)[\s,;.-]+(done|ok|okay|applied|ran|executed)\W*$`)
	// httpCallRE: an API call by method and path.
	httpCallRE = regexp.MustCompile(`^(PUT|POST|DELETE|PATCH)\s+\S+$`)
	// codeRE finds code spans and blocks.
	codeRE = regexp.MustCompile("(?s)```(.*?)```|`([^`\n]+)`")
	// promptRE: a shell or tool prompt before a command.
	promptRE = regexp.MustCompile(`^(?:\$|#|>|[\w.-]+[>#$])\s+`)
)

// maxCommandLen bounds a command quoted as a step.
const maxCommandLen = 200

// changeCommand returns the first command of text that changes the system, pasted
// as code or opening the message, and its action class ("" when there is none).
// Commands holding a masked secret, exports and comments are skipped.
func changeCommand(text string) (string, string) {
	var lines []string
	for _, m := range codeRE.FindAllStringSubmatch(text, -1) {
		lines = append(lines, strings.Split(m[1]+m[2], "\n")...)
	}
	// A message that is itself the command ("KILL 88121 done"), not a sentence
	// about one ("certbot renew has failed since october").
	if f := strings.SplitN(strings.TrimSpace(text), "\n", 2); len(f) > 0 && !aboutCommandRE.MatchString(strings.ToLower(f[0])) {
		lines = append(lines, commandDoneRE.ReplaceAllString(f[0], ""))
	}
	for i, l := range lines {
		l = strings.TrimSpace(promptRE.ReplaceAllString(strings.TrimSpace(l), ""))
		// An API call's body on the next line is part of the call.
		if httpCallRE.MatchString(l) && i+1 < len(lines) && strings.HasPrefix(strings.TrimSpace(lines[i+1]), "{") {
			l += " " + strings.TrimSpace(lines[i+1])
		}
		if l == "" || strings.HasPrefix(l, "export ") || strings.Contains(l, "://") || hasSecret(l) {
			continue
		}
		loc := changeCommandRE.FindStringIndex(l)
		if loc == nil {
			continue
		}
		cmd := l
		if len(cmd) > maxCommandLen {
			cmd = strings.ToValidUTF8(cmd[:maxCommandLen], "") + "…"
		}
		return cmd, commandClass(cmd)
	}
	return "", ""
}

// commandClass is the action class of a command, so that the same action pasted in
// one incident and told in words in another merge; else the tool and its verb.
func commandClass(cmd string) string {
	low := strings.ToLower(cmd)
	for _, ac := range actionClasses {
		if ac.re.MatchString(low) {
			return ac.name
		}
	}
	// The tool and its first words that are not flags ("kubectl -n x scale" is
	// "kubectl scale").
	var f []string
	skip := false
	for _, w := range strings.Fields(low) {
		switch {
		case skip:
			skip = false
		case strings.HasPrefix(w, "-") && !strings.Contains(w, "="):
			skip = true // the flag's value follows
		case !strings.HasPrefix(w, "-"):
			f = append(f, w)
		}
		if len(f) == 2 {
			break
		}
	}
	return "command:" + strings.Join(f, " ")
}

// commandContext is the prose that frames a message's first code: what precedes it
// and the first sentence after it; the whole text when there is no code.
func commandContext(text string) string {
	loc := codeRE.FindStringIndex(text)
	if loc == nil {
		return text
	}
	after := ""
	if ss := splitSentences(codeRE.ReplaceAllString(text[loc[1]:], " ")); len(ss) > 0 {
		after = ss[0]
	}
	return text[:loc[0]] + " " + after
}

// firstChange reports whether text pastes a command that changes the system.
func firstChange(text string) bool {
	cmd, _ := changeCommand(text)
	return cmd != ""
}
