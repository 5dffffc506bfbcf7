package transcript

import (
	"regexp"
	"strings"

	"github.com/incidentcopilot/incident-copilot/copilot"
	"github.com/incidentcopilot/incident-copilot/copilot/text"
)

// pmAction is one action item of a postmortem: a list item or a table row of its
// Action Items section.
type pmAction struct {
	text       string      // the item itself, plain text on one line
	owner, due string      // as written, "" when not stated
	status     string      // "done", "open", or a status column as written
	key, url   string      // the ticket, when the item names one
	keyInText  bool        // the key or link is part of text
	other      [][2]string // other columns of a table row: header, value
}

// Action item fields are written after the item, one "Name: value" line each, so a
// reader of the message sees them and the follow-up engine can take them apart
// (copilot.ActionItemFields).
func (a *pmAction) message() string {
	var b strings.Builder
	b.WriteString(a.text)
	field := func(name, v string) {
		if v != "" {
			b.WriteString("\n" + name + ": " + v)
		}
	}
	for _, o := range a.other {
		field(o[0], o[1])
	}
	field("Owner", a.owner)
	field("Due", a.due)
	if a.status != "open" {
		field("Status", a.status)
	}
	if a.key != "" && !a.keyInText {
		if a.url != "" && a.url != a.key {
			field("Ticket", a.key+" ("+a.url+")")
		} else {
			field("Ticket", a.key)
		}
	}
	return b.String()
}

var (
	// A cell that says nothing: "-", "n/a", "TBD", "none", "?".
	emptyCellRE = regexp.MustCompile(`(?i)^\W*(n/?a|tbd|tbc|none|unknown|unassigned|\?+|-+|—)?\W*$`)
	// doneWordRE: a cell that says the item is finished, alone or with the day it
	// was ("Done 3 Feb", "done 2026-05-19", "closed on 12/03").
	doneWordRE = regexp.MustCompile(`(?i)^\W*(done|closed|complete|completed|fixed|resolved|finished|shipped|merged|implemented|yes|✅|✔️?|☑️?)\W*(?:(?:on|since|in)\s+)?(?:\d{4}-\d{2}-\d{2}|\d{1,2}(?:st|nd|rd|th)?\.?\s+[a-z]{3,9}\.?(?:\s+\d{4})?|[a-z]{3,9}\.?\s+\d{1,2}(?:st|nd|rd|th)?(?:,?\s+\d{4})?|\d{1,2}[./]\d{1,2}(?:[./]\d{2,4})?)?\W*$`)
	// droppedWordRE: a cell that says the item will not be done.
	droppedWordRE = regexp.MustCompile(`(?i)^\W*(won'?t do|wontfix|dropped|rejected|cancell?ed|abandoned|not doing|descoped|declined|withdrawn|superseded|obsolete|duplicate)\W*$`)
	openWordRE    = regexp.MustCompile(`(?i)^\W*(open|todo|to do|to-do|not started|new|no|pending|backlog)\W*$`)
	headWordRE    = regexp.MustCompile(`[\p{L}\p{N}]+`)
	// fieldNameRE is a header that can name a "Name: value" line of the message; it
	// must match copilot.ActionItemFields.
	fieldNameRE = regexp.MustCompile(`^\p{Lu}[\p{L}\p{N} /#()-]{0,30}$`)
)

// Column roles of an action item table, recognised by the words of the header.
const (
	colItem = iota
	colOwner
	colTicket
	colDue
	colStatus
	colOther
	// colNumber is the report's own numbering of its items ("ID", "#": CA-1, PA-3),
	// which looks like a tracker key and is none.
	colNumber
)

// numberHeaderRE: a header that names the row's number alone.
var numberHeaderRE = regexp.MustCompile(`(?i)^\W*(id|#|no\.?|nr\.?|number|item ?#|ref ?#)\W*$`)

// columnWords name each role; a header is given the first role one of its words
// names, in the order owner, ticket, due, status, item ("Jira ticket", "Due date",
// "Action item").
var columnWords = []struct {
	role  int
	words map[string]bool
}{
	{colOwner, wordSet("owner owners owned assignee assignees assigned who responsible dri lead poc")},
	{colTicket, wordSet("ticket tickets issue issues jira link links tracker tracking bug ref reference key url pr")},
	{colDue, wordSet("due date deadline eta target when by")},
	{colStatus, wordSet("status state done progress complete completed")},
	{colItem, wordSet("item items action actions description task tasks what todo title summary remediation followup follow up improvement")},
}

func wordSet(s string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(s) {
		m[w] = true
	}
	return m
}

// columnRoles gives each header cell its role. The item column is the one named so,
// else the first column without another role.
func columnRoles(headers []string) []int {
	roles := make([]int, len(headers))
	item := -1
	for i, h := range headers {
		roles[i] = colOther
		if numberHeaderRE.MatchString(h) {
			roles[i] = colNumber
			continue
		}
	find:
		for _, cw := range columnWords {
			for _, w := range headWordRE.FindAllString(strings.ToLower(h), -1) {
				if cw.words[w] {
					roles[i] = cw.role
					break find
				}
			}
		}
		if roles[i] == colItem {
			if item >= 0 {
				roles[i] = colOther
			} else {
				item = i
			}
		}
	}
	if item < 0 {
		for i, r := range roles {
			if r == colOther {
				roles[i] = colItem
				break
			}
		}
	}
	return roles
}

// cellKeyRE: a ticket cell that is one key, its project name in parts and its
// number last ("BT-DEV-9702", "ops.infra-212").
var cellKeyRE = regexp.MustCompile(`^[A-Za-z][A-Za-z0-9]*(?:[-_.][A-Za-z][A-Za-z0-9]*)+-\d+$`)

// rowAction reads a table row by its columns.
func (pm *pmBuilder) rowAction(blk mdBlock) *pmAction {
	roles := columnRoles(blk.headers)
	a := &pmAction{status: "open"}
	var other [][2]string
	var ticketCell string
	itemStruck := false
	for i, c := range blk.cells {
		role := colOther
		if i < len(roles) {
			role = roles[i]
		}
		if emptyCellRE.MatchString(c) {
			continue
		}
		switch role {
		case colItem:
			a.text = c
			// "| ~~Replace the regex engine~~ | Owen | | Withdrawn |": the item
			// struck through is withdrawn or done, its owner cell still written.
			if i < len(blk.cellStk) && blk.cellStk[i] {
				itemStruck = true
			}
		case colOwner:
			a.owner = c
		case colDue:
			if doneWordRE.MatchString(c) {
				// "done" where the date would be: finished, no date to keep.
				a.status = "done"
			} else {
				a.due = c
			}
		case colNumber:
			// The report's own numbering: neither the item nor a ticket.
		case colStatus:
			a.status = statusOf(c)
		case colTicket:
			ticketCell = c
			if i < len(blk.cellLnk) && len(blk.cellLnk[i]) > 0 {
				ticketCell += " " + strings.Join(blk.cellLnk[i], " ")
			}
		default:
			h := ""
			if i < len(blk.headers) {
				h = blk.headers[i]
			}
			if r := []rune(h); len(r) > 0 {
				h = strings.ToUpper(string(r[0])) + string(r[1:])
			}
			other = append(other, [2]string{h, c})
		}
	}
	if a.text == "" && len(other) > 0 {
		a.text, other = other[0][1], other[1:]
	}
	for _, o := range other {
		if fieldNameRE.MatchString(o[0]) {
			a.other = append(a.other, o)
		} else {
			a.text += "; " + o[1] // a column without a usable name stays with the item
		}
	}
	if a.text == "" {
		return nil
	}
	if (blk.struck || itemStruck) && a.status == "open" {
		a.status = "done"
	}
	if k, u, ok := pm.ticketRef(ticketCell); ok {
		a.key, a.url = k, u
	} else if k := strings.TrimSpace(ticketCell); cellKeyRE.MatchString(k) && !strings.EqualFold(k, pm.id) {
		// The ticket column holds a key of a tracker whose project names have parts
		// ("BT-DEV-9702"): the column says it is the ticket, whatever its shape.
		a.key = k
	} else if k, u, ok := pm.ticketRef(a.text); ok && !pm.errorCodes[k] {
		a.key, a.url, a.keyInText = k, u, true
	} else if a.status == "open" && doneWordRE.MatchString(ticketCell) && !strings.Contains(strings.ToLower(ticketCell), "yes") {
		// A bug column that holds no ticket but "done" says the item needed none:
		// it was done during the incident. ("yes" there may mean a ticket exists.)
		a.status = "done"
	} else if a.status == "open" && droppedWordRE.MatchString(ticketCell) {
		// "won't do" where the ticket would be: the item was dropped.
		a.status = strings.ToLower(strings.Trim(ticketCell, " .!"))
	}
	return a
}

// listAction reads a list item: a ticket key or tracker link in its text, done when
// checked, struck through or marked "(done)".
func (pm *pmBuilder) listAction(blk mdBlock) *pmAction {
	a := &pmAction{text: blk.text, status: "open"}
	if blk.task == 2 || blk.struck {
		a.status = "done"
	}
	if doneRE.MatchString(a.text) {
		a.status = "done"
	}
	if k, u, ok := pm.ticketRef(a.text); ok && !pm.errorCodes[k] {
		a.key, a.url, a.keyInText = k, u, true
	}
	return a
}

// ticketRef is text.TicketRef without references to postmortems (PM2019-009) or
// to this document's own id, which look like tracker keys.
func (pm *pmBuilder) ticketRef(s string) (key, url string, ok bool) {
	key, url, ok = text.TicketRef(s)
	if ok && url == "" && (notTrackerKey(key) || strings.EqualFold(key, pm.id)) {
		return "", "", false
	}
	return key, url, ok
}

func statusOf(c string) string {
	switch {
	case doneWordRE.MatchString(c):
		return "done"
	case openWordRE.MatchString(c):
		return "open"
	}
	return strings.ToLower(strings.TrimSpace(c))
}

// ticketsOf lists the tickets the action items name, each key once. Items without
// one are not tickets: they are what the follow-up engine reports as uncaptured.
func ticketsOf(actions []*pmAction) []copilot.Ticket {
	tickets := []copilot.Ticket{}
	seen := map[string]bool{}
	for _, a := range actions {
		if a.key == "" || seen[a.key] {
			continue
		}
		seen[a.key] = true
		tickets = append(tickets, copilot.Ticket{Key: a.key, Title: a.text, URL: a.url, Status: a.status})
	}
	return tickets
}
