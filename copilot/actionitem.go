package copilot

import (
	"regexp"
	"strings"
)

// actionFieldRE is one "Name: value" line that a reader writes after an action item
// (transcript.ReadPostmortem: "Owner: dana", "Due: 2024-06-01", "Ticket: OPS-12").
var actionFieldRE = regexp.MustCompile(`^(\p{Lu}[\p{L}\p{N} /#()-]{0,30}): (\S.*)$`)

// ActionItemFields splits an action item message into the item and the fields written
// on the lines after it. Only trailing field lines count, and only below a first line
// that is not a field itself, so prose that happens to hold "Note: …" keeps it.
// owner and due are those fields ("Owner", "Due"), "" when absent.
func ActionItemFields(text string) (item, owner, due string) {
	lines, end, fields := actionFields(text)
	if end == len(lines) {
		return text, "", ""
	}
	owner = strings.TrimPrefix(fields["Owner"], "@")
	return strings.Join(lines[:end], "\n"), owner, fields["Due"]
}

// ActionItemTicket is the key of an action item's "Ticket" field
// ("Ticket: OPS-2301 (https://…)" gives "OPS-2301"), "" when it has none. The
// field is the report's ticket column: it names the item's own ticket, where a
// key in the item's words may name other work ("extend DD-412 alerting to every
// cluster").
func ActionItemTicket(text string) string {
	_, _, fields := actionFields(text)
	if f := strings.Fields(fields["Ticket"]); len(f) > 0 {
		return f[0]
	}
	return ""
}

// actionFields splits text into lines and reads the field lines at its end: the
// index of the first of them (len(lines) when there is none) and their values by
// name, trimmed (a name written twice keeps its upper line's value; the
// transcript writes each once).
func actionFields(text string) (lines []string, end int, fields map[string]string) {
	lines = strings.Split(text, "\n")
	end = len(lines)
	fields = map[string]string{}
	for end > 1 {
		m := actionFieldRE.FindStringSubmatch(strings.TrimSpace(lines[end-1]))
		if m == nil {
			break
		}
		fields[m[1]] = strings.TrimSpace(m[2])
		end--
	}
	return lines, end, fields
}
