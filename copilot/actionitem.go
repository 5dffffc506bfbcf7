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
	lines := strings.Split(text, "\n")
	end := len(lines)
	for end > 1 {
		m := actionFieldRE.FindStringSubmatch(strings.TrimSpace(lines[end-1]))
		if m == nil {
			break
		}
		switch m[1] {
		case "Owner":
			owner = strings.TrimPrefix(strings.TrimSpace(m[2]), "@")
		case "Due":
			due = strings.TrimSpace(m[2])
		}
		end--
	}
	if end == len(lines) {
		return text, "", ""
	}
	return strings.Join(lines[:end], "\n"), owner, due
}

// ActionItemTicket is the key of an action item's "Ticket" field
// ("Ticket: OPS-2301 (https://…)" gives "OPS-2301"), "" when it has none. The
// field is the report's ticket column: it names the item's own ticket, where a
// key in the item's words may name other work ("extend DD-412 alerting to every
// cluster").
func ActionItemTicket(text string) string {
	lines := strings.Split(text, "\n")
	for end := len(lines); end > 1; end-- {
		m := actionFieldRE.FindStringSubmatch(strings.TrimSpace(lines[end-1]))
		if m == nil {
			break
		}
		if m[1] == "Ticket" {
			if f := strings.Fields(m[2]); len(f) > 0 {
				return f[0]
			}
		}
	}
	return ""
}
