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
