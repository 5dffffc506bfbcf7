package transcript

import "strings"

// entityReplacer undoes the only three escapes Slack applies to message text. A
// Replacer scans once, so "&amp;lt;" correctly becomes "&lt;" and not "<".
var entityReplacer = strings.NewReplacer("&amp;", "&", "&lt;", "<", "&gt;", ">")

// NormalizeSlackText turns Slack markup into plain text: <@U123> -> @name (users map id->name;
// unknown ids stay @U123), <@U123|name> -> @name, <#C1|name> -> #name, <url|label> -> label (url),
// <url> -> url, <!here>/<!channel>/<!everyone> -> @here/@channel/@everyone, <!subteam^S1|@team> -> @team,
// &amp; &lt; &gt; unescaped.
//
// A link whose label is just its address (Slack writes a typed "example.com" as
// <http://example.com|example.com>) becomes the label alone. Dates (<!date^…|fallback>)
// become their fallback text. A "<" without a closing ">" is kept as typed.
func NormalizeSlackText(text string, users map[string]string) string {
	if !strings.ContainsAny(text, "<&") {
		return text
	}
	var b strings.Builder
	b.Grow(len(text))
	for {
		open := strings.IndexByte(text, '<')
		if open < 0 {
			break
		}
		rest := text[open+1:]
		end := strings.IndexAny(rest, "<>")
		if end < 0 || rest[end] == '<' {
			// Not markup: keep the "<" and look again after it.
			skip := len(text)
			if end >= 0 {
				skip = open + 1 + end
			}
			b.WriteString(entityReplacer.Replace(text[:skip]))
			text = text[skip:]
			continue
		}
		b.WriteString(entityReplacer.Replace(text[:open]))
		b.WriteString(slackToken(rest[:end], users))
		text = rest[end+1:]
	}
	b.WriteString(entityReplacer.Replace(text))
	return b.String()
}

// slackToken renders the inside of one <…> markup token.
func slackToken(inner string, users map[string]string) string {
	target, label, hasLabel := strings.Cut(inner, "|")
	label = entityReplacer.Replace(label)
	if target == "" {
		if hasLabel {
			return label
		}
		return "<>"
	}
	switch target[0] {
	case '@':
		id := target[1:]
		if hasLabel && strings.TrimLeft(label, "@") != "" {
			return "@" + strings.TrimLeft(label, "@")
		}
		if name := strings.TrimLeft(users[id], "@"); name != "" {
			return "@" + name
		}
		return "@" + id
	case '#':
		if hasLabel && strings.TrimLeft(label, "#") != "" {
			return "#" + strings.TrimLeft(label, "#")
		}
		return "#" + target[1:]
	case '!':
		cmd := target[1:]
		switch {
		case cmd == "here" || cmd == "channel" || cmd == "everyone":
			return "@" + cmd
		case strings.HasPrefix(cmd, "subteam^"):
			if hasLabel && strings.TrimLeft(label, "@") != "" {
				return "@" + strings.TrimLeft(label, "@")
			}
			return "@" + strings.TrimPrefix(cmd, "subteam^")
		case hasLabel:
			return label
		case strings.HasPrefix(cmd, "date^"):
			return ""
		}
		return "@" + cmd
	}
	url := entityReplacer.Replace(target)
	if !hasLabel || label == "" || label == url || label == bareURL(url) {
		if hasLabel && label != "" {
			return label
		}
		return url
	}
	return label + " (" + url + ")"
}

// bareURL drops the scheme and a trailing slash, the way Slack shows auto-linked text.
func bareURL(u string) string {
	for _, p := range []string{"https://", "http://", "mailto:", "tel:"} {
		if strings.HasPrefix(u, p) {
			u = u[len(p):]
			break
		}
	}
	return strings.TrimSuffix(u, "/")
}
