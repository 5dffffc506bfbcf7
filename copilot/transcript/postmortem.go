package transcript

import (
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/incidentcopilot/incident-copilot/copilot"
	"github.com/incidentcopilot/incident-copilot/copilot/text"
)

// ReadPostmortem parses one Markdown postmortem (see ../shared/fixtures/postmortems-dfds).
// name is the file path; it gives the id ("PM2021-005 - Title.md" → "PM2021-005"), else
// the first heading does, else the file name, made into a valid id (see slugID:
// "Bad deploy on Friday.md" → "Bad-deploy-on-Friday").
//
// The document becomes a transcript: each paragraph, list item, table row and code
// block is a Message of Kind copilot.KindSection whose UserName is its section heading
// ("Summary", "Timeline", or "Lessons Learned / General" for a subsection). Messages get
// synthetic ts one second apart, in document order, so they are unique and increasing
// and a citation still points at one block. The base is the first timeline row whose
// time parses (in the zone the timeline names: UTC, CET = +01:00 or CEST = +02:00),
// else the first YYYY-MM-DD date in the text, else 1 January of the year in the id,
// else 2000-01-01 UTC. StartedAt is that base; ResolvedAt is the time of the last
// timeline row saying "resolved", when there is one.
//
// The document is read as GitHub-flavoured Markdown (goldmark): setext and ATX
// headings, tables, task lists, strikethrough, footnotes; HTML comments are dropped.
//
// Each entry of the Action Items section (also "Action points", "Follow-ups",
// "Remediation"), a list item or a table row, is one message. A table is read by
// column, recognised by header words: the item (action, description, task…), owner
// (assignee, who…), ticket (issue, jira, link…), due (date, deadline…) and status
// (state…). The message is the item's text, then one "Owner: …", "Due: …",
// "Status: …" or "Ticket: …" line for each field the entry has (other named columns
// too), which copilot.ActionItemFields takes apart again. An entry that names a
// ticket, a tracker key or tracker link (see text.TicketRef) in its ticket column
// or its text, becomes a Ticket with that key; Status is the status column, else
// "done" when checked ("[x]"), struck through or marked "(done)", else "open". An
// entry naming no ticket is not given one: it is an uncaptured follow-up. A nested
// "See …" reference is added to the item above it.
//
// Errors: EINVALID for the template, invalid UTF-8, a NUL byte (naming the line) or a
// document without text;
// ETOOLARGE for a block over the default message limit.
func ReadPostmortem(name string, data []byte) (*copilot.Incident, error) {
	if err := checkUTF8(name, data); err != nil {
		return nil, err
	}
	if err := checkNUL(name, data); err != nil {
		return nil, err
	}
	src := string(data)
	if isPostmortemTemplate(name, src) {
		return nil, invalidf("%s: is the postmortem template, not a postmortem", name)
	}
	blocks := titleLine(parseMarkdown(src))
	id, title := postmortemIDTitle(name, blocks)
	if !copilot.ValidID(id) {
		// A file named "Bad deploy on Friday.md" is a postmortem all the same; its id
		// must still fit in a URL path.
		id = slugID(id)
	}
	if id == "" {
		return nil, invalidf("%s: no id: name the file like \"PM2021-005 - Title.md\"", name)
	}
	pm := &pmBuilder{id: id, name: name, lim: Limits{}.withDefaults(), errorCodes: map[string]bool{}}
	for _, k := range text.ErrorCodes(src) {
		pm.errorCodes[k] = true
	}
	inc := &copilot.Incident{
		ID:         id,
		Title:      title,
		Status:     "resolved",
		Visibility: copilot.VisibilityPublic,
		Services:   []string{},
		Source:     copilot.SourcePostmortem,
		Tickets:    []copilot.Ticket{},
	}
	if err := pm.build(blocks, inc); err != nil {
		return nil, err
	}
	if len(inc.Messages) == 0 {
		return nil, invalidf("%s: no text below the title", name)
	}
	// The file was checked for NUL bytes and invalid UTF-8 above; what is left is the
	// title or a ticket taken from the file name, which nothing has checked.
	if err := checkStored(name, inc); err != nil {
		return nil, err
	}
	return inc, nil
}

// actionWords names a report's list of things to do, as a heading or an inline label.
const actionWords = `action items?|action points|actions|improvements|improvement (?:actions|measures|plans?)|action plans?|(?:agreed|open) actions|corrective measures|follow[- ]?ups?|remediation(?: items| steps)?|next steps?|corrective (?:and prevent(?:ive|ative) )?actions?|prevent(?:ive|ative) (?:actions|measures)|capas?\b`

var (
	pmIDRE         = regexp.MustCompile(`^[A-Za-z][A-Za-z0-9]*[-_]?[0-9][A-Za-z0-9._-]*$`)
	pmHeadingIDRE  = regexp.MustCompile(`^([A-Za-z][A-Za-z0-9]*[-_]?[0-9][A-Za-z0-9._-]*)\s*(?:[-:—–]\s+|$)`)
	pmTemplateIDRE = regexp.MustCompile(`(?i)y{4}|n{3}`)
	pmYearRE       = regexp.MustCompile(`(19|20)[0-9]{2}`)
	// actionSectionRE: a heading that names the report's actions, first or after a
	// slash ("Acciones / Actions", a bilingual report's heading).
	actionSectionRE = regexp.MustCompile(`(?i)(?:^|/\s*)(` + actionWords + `)\b`)
	// actionsTakenRE: the response's own actions ("Actions taken", "Actions
	// performed during the incident") are its narrative, not its to-do list.
	actionsTakenRE = regexp.MustCompile(`(?i)^[*_]*` + text.ActionsTakenPattern)
	// actionLabelRE: a paragraph that opens with an action label ("Next steps:",
	// "**Action items** –").
	actionLabelRE = regexp.MustCompile(`(?i)^[*_]*(` + actionWords + `)[*_]*\s*[:—–]`)
	timelineRE    = regexp.MustCompile(`(?i)^timeline\b`)
	// headingNumberRE: the number a formal report puts before a section's name
	// ("6. ", "3.1 ", "IV) ", "A. ", "Section 4: ", and the disciplines of an 8D
	// report, "D3. ", "D6/D7. ").
	headingNumberRE = regexp.MustCompile(`^\s*(?:(?i:section|part|chapter)\s+)?(?:\d+(?:\.\d+)*\.?|[IVXL]{1,5}[.)]|[A-H][.)]|\d+\)|D\d(?:/D?\d)*[.):])[:\s]\s*`)
	doneRE          = regexp.MustCompile(`(?i)\s*(` + text.DoneParenPattern + `|✅|✔️?|\[(done)\])\s*|` + text.DoneDashPattern)
	kvLineRE        = regexp.MustCompile(`^([A-Za-z][A-Za-z ]{2,30}?)\s*:\s*(.+)$`)
	dateTimeRE      = regexp.MustCompile(`^([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})(?:[ T]+([0-9]{1,2}):([0-9]{2}))?`)
	anyDateRE       = regexp.MustCompile(`\b([0-9]{4})-([0-9]{2})-([0-9]{2})\b`)
	resolvedRE      = regexp.MustCompile(`(?i)\bresolv(ed|ution)\b|\brecovered\b`)
	zoneRE          = regexp.MustCompile(`\b(UTC|GMT|CEST|CET)\b`)
	listSepRE       = regexp.MustCompile(`\s*(?:,|;|\band\b)\s*`)
	pmPrefixRE      = regexp.MustCompile(`^PM[0-9]`)
	seeRefRE        = regexp.MustCompile(`(?i)^(see|ref|refs|reference|cf\.?)\b|^https?://\S+$`)
)

// baseName is the file name without a .md/.markdown/.txt extension.
func baseName(name string) string {
	b := filepath.Base(name)
	for _, ext := range []string{".md", ".markdown", ".MD", ".txt", ".text", ".TXT"} {
		b = strings.TrimSuffix(b, ext)
	}
	return b
}

// isPostmortemTemplate spots the blank template kept next to real postmortems: its file
// name holds a placeholder id ("PMyyyy-nnn") or the word "template", or its title is the
// template's "Incident Title".
func isPostmortemTemplate(name, src string) bool {
	b := baseName(name)
	idPart, _, _ := strings.Cut(b, " ")
	if pmTemplateIDRE.MatchString(idPart) || strings.Contains(strings.ToLower(b), "template") {
		return true
	}
	for _, blk := range parseMarkdown(src) {
		if blk.kind == "heading" {
			return strings.EqualFold(blk.text, "Incident Title")
		}
	}
	return false
}

// titleLine reads a report that does not mark its title (plain text, or Markdown
// without a '#' heading on top) as titled by its first line when that line stands
// alone and reads like a title: a paragraph of one line of at most 120 characters,
// not ending like a sentence and not a "Key: value" line.
func titleLine(blocks []mdBlock) []mdBlock {
	if len(blocks) == 0 || blocks[0].kind != "para" || len(blocks[0].lines) != 1 {
		return blocks
	}
	l := blocks[0].lines[0]
	if len(l) > 120 || strings.ContainsAny(l[len(l)-1:], ".:;,?!") || kvLineRE.MatchString(l) {
		return blocks
	}
	for _, b := range blocks {
		if b.kind == "heading" && b.level == 1 {
			return blocks // the document has a title of its own further down
		}
	}
	return append([]mdBlock{{kind: "heading", level: 1, text: l}}, blocks[1:]...)
}

func postmortemIDTitle(name string, blocks []mdBlock) (id, title string) {
	b := strings.TrimSpace(baseName(name))
	idPart, rest, hasRest := strings.Cut(b, " - ")
	idPart = strings.TrimSpace(idPart)
	if pmIDRE.MatchString(idPart) {
		id = idPart
	}
	for _, blk := range blocks {
		if blk.kind == "heading" {
			title = blk.text
			break
		}
	}
	if m := pmHeadingIDRE.FindStringSubmatch(title); m != nil {
		if id == "" {
			id = m[1]
		}
		if strings.EqualFold(m[1], id) {
			title = strings.TrimSpace(title[len(m[0]):])
		}
	}
	if id == "" {
		id = b
	}
	if title == "" && hasRest {
		title = strings.TrimSpace(rest)
	}
	if title == "" {
		title = id
	}
	return id, title
}

type pmBuilder struct {
	id, name string
	lim      Limits
	// errorCodes are the key-shaped codes the report speaks of as errors
	// ("HLD-400 errors stop"): an action item that names one ("Add HLD-400 to
	// the troubleshooting sheet") names the failure, not its ticket.
	errorCodes map[string]bool
}

type pmTimeRow struct {
	at   time.Time
	text string
}

func (pm *pmBuilder) build(blocks []mdBlock, inc *copilot.Incident) error {
	type piece struct {
		section string
		text    string
		action  int // index into actions, or -1
		// baseText, when set, is the text the ts base is looked for in: the block
		// as the reader before numbered and reworded headings saw it (see
		// legacyActions).
		baseText string
	}
	var pieces []piece
	var rows []pmTimeRow
	var timelineText []string
	var actions []*pmAction
	section, sub := "", ""
	// legacyHead and legacySub are the headings as written. The timeline that sets
	// the messages' ts is found by legacyHead, and a section found to be the action
	// items only since headings are read past their number or in other words ("6.
	// Actions", "Improvement actions") keeps one message per block and the ts base
	// it had: reading a heading better never moves the ts that labels and links
	// already name.
	legacyHead, legacySub := "", ""
	labelled := false // sub was set by an inline label, not a heading
	seenTitle := false
	for _, blk := range blocks {
		if blk.kind == "heading" {
			if !seenTitle {
				seenTitle = true
				continue
			}
			// "6. Actions", "3.1 Timeline (UTC)", "IV) Root cause": a formal
			// report numbers its sections; the name is what follows the number.
			h := headingNumberRE.ReplaceAllString(blk.text, "")
			if h == "" {
				h = blk.text
			}
			if blk.level <= 2 {
				section, sub, legacyHead, legacySub = h, "", blk.text, ""
			} else {
				sub, legacySub = h, blk.text
			}
			labelled = false
			continue
		}
		// "Next steps: we are taking these actions:" and the list under it are the
		// report's action items, though no heading says so; the next paragraph ends them.
		labelRest := "" // this paragraph's text after its action label
		if blk.kind == "para" {
			if labelled {
				sub, labelled = "", false
			}
			if m := actionLabelRE.FindStringSubmatchIndex(blk.text); m != nil && !legacyActionSection(legacyHead) && !actionsTakenRE.MatchString(blk.text) {
				sub, labelled, labelRest = strings.TrimSpace(blk.text[m[2]:m[3]]), true, blk.text[m[1]:]
				legacySub = sub
			}
		}
		name := section
		if name == "" {
			name = "Introduction"
		}
		// A labelled paragraph that announces a list ("Next steps: we apologise …
		// the following steps are underway:") introduces the items; it is not one.
		intro := labelled && blk.kind == "para" && strings.HasSuffix(blk.text, ":")
		if sub != "" && !intro {
			name += " / " + sub
		}
		inActions := isActionSection(section) || (labelled && isActionSection(sub))
		legacyActions := legacyActionSection(legacyHead) || (labelled && legacyActionSection(legacySub))
		// "Next steps: add an alert (owner: Priya, ORD-412); review policy changes;
		// replay the messages (done 11:20)." lists its items in one line. An entry
		// reported done without a ticket tells what was done: it stays narrative.
		if items := inlineItems(labelRest); !intro && len(items) >= 2 {
			for _, it := range items {
				a := pm.listAction(mdBlock{kind: "item", text: it})
				if a.status == "done" && a.key == "" {
					pieces = append(pieces, piece{section: strings.TrimSuffix(name, " / "+sub), text: it, action: -1})
					continue
				}
				pieces = append(pieces, piece{section: name, text: a.text, action: len(actions)})
				actions = append(actions, a)
			}
			continue
		}
		var text string
		var act *pmAction
		switch blk.kind {
		case "row":
			if blk.header {
				if timelineRE.MatchString(legacyHead) {
					timelineText = append(timelineText, strings.Join(blk.cells, " "))
				}
				continue
			}
			cells := nonEmpty(blk.cells)
			text = strings.Join(cells, " | ")
			if inActions {
				act = pm.rowAction(blk)
				if act == nil && legacyActions {
					text = "" // a row the action table cannot read is dropped, as before
				}
				break
			}
			if timelineRE.MatchString(legacyHead) && len(cells) > 0 {
				if at, ok := parseDateTime(cells[0], time.UTC); ok {
					rows = append(rows, pmTimeRow{at: at, text: text})
				}
			}
		case "code":
			text = blk.text
		case "item":
			text = blk.text
			if inActions {
				if legacyActions && blk.level > 0 && seeRefRE.MatchString(text) && len(pieces) > 0 && pieces[len(pieces)-1].action >= 0 {
					// A nested "See …" is a reference for the item above, not an item.
					prev := actions[pieces[len(pieces)-1].action]
					prev.text += " (" + text + ")"
					if prev.key == "" {
						if k, u, ok := pm.ticketRef(text); ok {
							prev.key, prev.url, prev.keyInText = k, u, true
						}
					}
					continue
				}
				act = pm.listAction(blk)
			}
		default:
			text = blk.text
			if timelineRE.MatchString(legacyHead) {
				timelineText = append(timelineText, text)
			}
		}
		legacyText := text
		if act != nil {
			text = act.text
			if text == "" || text == "-" {
				text = legacyText
			}
		}
		if text == "" || text == "-" {
			continue
		}
		if blk.kind == "para" || blk.kind == "item" {
			// A paragraph may stack "Key: value" lines; each is read on its own.
			for _, l := range blk.lines {
				pm.kvLine(l, inc)
			}
		}
		p := piece{section: name, text: text, action: -1}
		if inActions && !legacyActions {
			p.baseText = legacyText
		}
		if act != nil {
			p.action = len(actions)
			actions = append(actions, act)
		}
		pieces = append(pieces, p)
	}

	zone := timelineZone(strings.Join(timelineText, " "))
	base, ok := time.Time{}, false
	for i := range rows {
		rows[i].at = time.Date(rows[i].at.Year(), rows[i].at.Month(), rows[i].at.Day(), rows[i].at.Hour(), rows[i].at.Minute(), 0, 0, zone).UTC()
	}
	if len(rows) > 0 {
		base, ok = rows[0].at, true
	}
	if !ok {
		for _, p := range pieces {
			scan := p.text
			if p.baseText != "" {
				scan = p.baseText
			}
			if m := anyDateRE.FindString(scan); m != "" {
				if base, ok = parseDateTime(m, time.UTC); ok {
					break
				}
			}
		}
	}
	if !ok {
		// A date in the file name ("2024-07-19-lb-errors.md"), then one written out in
		// the title or the text ("on 19 July 2024", "Nov 2, 2025").
		if m := anyDateRE.FindString(pm.id); m != "" {
			base, ok = parseDateTime(m, time.UTC)
		}
	}
	if !ok {
		base, ok = writtenDate(inc.Title)
		for i := 0; !ok && i < len(pieces); i++ {
			scan := pieces[i].text
			if pieces[i].baseText != "" {
				scan = pieces[i].baseText
			}
			base, ok = writtenDate(scan)
		}
	}
	if !ok {
		if y := pmYearRE.FindString(pm.id); y != "" {
			if n, _ := strconv.Atoi(y); n >= 1971 {
				base, ok = time.Date(n, 1, 1, 0, 0, 0, 0, time.UTC), true
			}
		}
	}
	if !ok {
		base = time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC)
	}
	inc.StartedAt = base
	for _, r := range rows {
		if resolvedRE.MatchString(r.text) && !r.at.Before(base) {
			inc.ResolvedAt = r.at
		}
	}
	for i, p := range pieces {
		ts := copilot.FormatTS(base.Add(time.Duration(i) * time.Second))
		text := p.text
		if p.action >= 0 {
			text = actions[p.action].message()
		}
		if len(text) > pm.lim.MaxMessageBytes {
			return tooLargef("%s: message ts %s (%s) is %d bytes, over the limit of %d", pm.name, ts, p.section, len(text), pm.lim.MaxMessageBytes)
		}
		inc.Messages = append(inc.Messages, copilot.Message{TS: ts, UserName: p.section, Text: text, Kind: copilot.KindSection})
	}
	inc.Tickets = ticketsOf(actions)
	return nil
}

// kvLine picks incident fields out of "Key: value" lines (services, severity).
func (pm *pmBuilder) kvLine(text string, inc *copilot.Incident) {
	m := kvLineRE.FindStringSubmatch(text)
	if m == nil {
		return
	}
	key, val := strings.ToLower(strings.TrimSpace(m[1])), strings.TrimSpace(m[2])
	switch key {
	case "services", "service", "affected", "affected services", "services affected",
		"affected service", "affected systems", "systems affected", "affected components":
		seen := map[string]bool{}
		for _, s := range inc.Services {
			seen[s] = true
		}
		for _, s := range listSepRE.Split(val, -1) {
			s = strings.Trim(strings.TrimSpace(s), ".")
			if s != "" && !seen[s] && len(s) <= 100 {
				seen[s] = true
				inc.Services = append(inc.Services, s)
			}
		}
	case "severity", "sev":
		if inc.Severity == "" {
			if sm := severityRE.FindStringSubmatch(val); sm != nil {
				inc.Severity = "SEV" + sm[1]
			} else if len(val) <= 20 {
				inc.Severity = val
			}
		}
	}
}

func timelineZone(s string) *time.Location {
	switch zoneRE.FindString(s) {
	case "CET":
		return time.FixedZone("CET", 3600)
	case "CEST":
		return time.FixedZone("CEST", 2*3600)
	}
	return time.UTC
}

// parseDateTime reads "2021-06-22 08:21" or "2021-06-22" at the start of s.
func parseDateTime(s string, loc *time.Location) (time.Time, bool) {
	m := dateTimeRE.FindStringSubmatch(strings.TrimSpace(s))
	if m == nil {
		return time.Time{}, false
	}
	n := make([]int, 6)
	for i := 1; i <= 5; i++ {
		if m[i] != "" {
			n[i], _ = strconv.Atoi(m[i])
		}
	}
	// Years outside 1971–2999 would give negative or oversized Slack timestamps.
	if n[1] < 1971 || n[1] > 2999 || n[2] < 1 || n[2] > 12 || n[3] < 1 || n[3] > 31 || n[4] > 23 || n[5] > 59 {
		return time.Time{}, false
	}
	t := time.Date(n[1], time.Month(n[2]), n[3], n[4], n[5], 0, 0, loc)
	if t.Day() != n[3] { // 2021-02-30 would roll over into March
		return time.Time{}, false
	}
	return t, true
}

var (
	monthNames = `(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?`
	// dayMonthYearRE: "19 July 2024", "2nd Nov 2025"; monthDayYearRE: "July 19, 2024".
	dayMonthYearRE = regexp.MustCompile(`(?i)\b([0-9]{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?` + monthNames + `,?\s+((?:19|20)[0-9]{2})\b`)
	monthDayYearRE = regexp.MustCompile(`(?i)\b` + monthNames + `\s+([0-9]{1,2})(?:st|nd|rd|th)?,?\s+((?:19|20)[0-9]{2})\b`)
)

// writtenDate finds the first date written with a month name in s.
func writtenDate(s string) (time.Time, bool) {
	day, month, year := "", "", ""
	a, b := dayMonthYearRE.FindStringSubmatchIndex(s), monthDayYearRE.FindStringSubmatchIndex(s)
	switch {
	case a != nil && (b == nil || a[0] <= b[0]):
		day, month, year = s[a[2]:a[3]], s[a[4]:a[5]], s[a[6]:a[7]]
	case b != nil:
		month, day, year = s[b[2]:b[3]], s[b[4]:b[5]], s[b[6]:b[7]]
	default:
		return time.Time{}, false
	}
	m := monthIndex(month)
	return parseDateTime(year+"-"+strconv.Itoa(m)+"-"+day, time.UTC)
}

// monthIndex is 1 for "jan"/"January" … 12 for "dec".
func monthIndex(name string) int {
	p := strings.ToLower(name)
	if len(p) > 3 {
		p = p[:3]
	}
	return strings.Index("janfebmaraprmayjunjulaugsepoctnovdec", p)/3 + 1
}

// fieldTailRE opens a clause that states a field of an entry (its owner, date or
// ticket) rather than another entry.
var fieldTailRE = regexp.MustCompile(`(?i)^(?:owners?|assignee|assigned|due|deadline|eta|ticket|tracked)\b`)

// inlineItems splits the text after an action label ("Next steps: a; b; c") into
// its entries, cut at semicolons. Fewer than two entries: nil.
func inlineItems(rest string) []string {
	var out []string
	for _, part := range strings.Split(rest, ";") {
		part = strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(part), "."))
		switch {
		case part == "":
		case len(out) > 0 && fieldTailRE.MatchString(part):
			// "…; owner to be decided" is a field of the entry before, not an entry.
			out[len(out)-1] += "; " + part
		default:
			out = append(out, part)
		}
	}
	if len(out) < 2 {
		return nil
	}
	return out
}

// notTrackerKey rejects look-alikes of tracker keys: postmortem ids ("PM2019-009")
// on top of the standards and severities text.TicketRef already leaves out.
func notTrackerKey(k string) bool {
	prefix, _, _ := strings.Cut(k, "-")
	return text.NotTicketPrefix(prefix) || pmPrefixRE.MatchString(prefix)
}

// legacyActionSectionRE is actionSectionRE as it was before headings were read
// past their number and in other words; legacyActionSection keeps, for the
// sections it did not find, the ts the reader gave their messages then.
var legacyActionSectionRE = regexp.MustCompile(`(?i)(?:^|/\s*)(action items?|action points|actions|improvements|follow[- ]?ups?|remediation(?: items| steps)?|next steps?|corrective (?:and prevent(?:ive|ative) )?actions?|prevent(?:ive|ative) (?:actions|measures)|capas?\b)\b`)

func legacyActionSection(h string) bool {
	return legacyActionSectionRE.MatchString(h) && !actionsTakenRE.MatchString(h)
}

// isActionSection reports whether a heading names the report's actions.
func isActionSection(h string) bool {
	return actionSectionRE.MatchString(h) && !actionsTakenRE.MatchString(h)
}
