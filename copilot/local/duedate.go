package local

import (
	"regexp"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"
)

// A deadline is read in two parts: the words as written ("by friday 3/6") and, when
// the words name a day, that day as a calendar date resolved against the time the
// message was sent. Conventions, chosen to match how a reader of the channel would
// put the deadline in a tracker:
//
//   - a bare weekday ("by friday") is the first such day after the message day;
//     "this friday" the same; "next friday" the one in the following week;
//   - "this week", "end of (the) week" and "EOW" are that week's Friday; "end of next
//     week" the Friday after; "end of the month/quarter/year" and EOM/EOQ/EOY end on
//     the last day;
//   - an explicit date wins over a weekday written with it ("friday 3/6"); numeric
//     dates with slashes are month/day, with dots day.month ("until 17.9."), and a date without a year is the next one on or after
//     the message day (give or take a month of looking back, for "as of 3/1");
//   - sprints, releases, retros, "next week" and a quarter written alone ("Q3", "by
//     Q3": in it, or before it starts?) name no day, as the dev7 and dev10 labels
//     ("Q4 2026", "Q3") and evals/README.md's "next sprint" have it: only the words
//     are kept.

const (
	dueWeekday = `(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tues?|wed|thu(?:rs?)?|fri|sat|sun)\b\.?`
	dueMonth   = `(?:january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec)\.?`
	dueDay     = `\d{1,2}(?:st|nd|rd|th)?`
	// dueExplicit is a written calendar date.
	dueExplicit = `\d{4}-\d{2}-\d{2}|\d{1,2}/\d{1,2}(?:/\d{2,4})?|` + dueMonth + `\s+` + dueDay + `(?:,?\s+\d{4})?|` + dueDay + `\s+(?:of\s+)?` + dueMonth + `(?:,?\s+\d{4})?`
	// dueRelative are deadlines that are words about the calendar.
	dueRelative = `end\s+of\s+(?:the\s+)?(?:this\s+|next\s+)?(?:day|week|month|sprint|quarter|year)|` + dueEndOfMonth + `|` + dueEndOfQuarter + `|eo[dwmqy]|(?:this|next)\s+(?:week|sprint|month|quarter|year|release|retro)|q[1-4]|the\s+(?:next\s+)?(?:retro|postmortem|release)`
	// dueEndOfQuarter is the end of a named quarter ("end of Q2").
	dueEndOfQuarter = `end\s+of\s+q[1-4](?:\s+\d{4})?`
	// dueSpan is a span of days or weeks ("2 weeks", "ten days").
	dueSpan = `(?:\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten)\s+(?:days?|weeks?)`
	// dueEndOfMonth is the end of a named month ("end of November").
	dueEndOfMonth = `end\s+of\s+` + dueMonth + `(?:\s+\d{4})?`
	// dueDotted is day.month with a closing dot or a year ("17.9.", "3.11.2026"); a
	// version ("5.17") has neither.
	dueDotted = `\d{1,2}\.\d{1,2}\.(?:\d{4}\b|\d{2}\b|[\s,;)]|$)`
	// dueEODOf is the end of a named day ("EOD tomorrow", "end of day friday").
	dueEODOf   = `(?:eod|cob|end\s+of\s+(?:the\s+)?day)\s+(?:tomorrow|today|(?:this\s+|next\s+)?` + dueWeekday + `)`
	dueDayExpr = `(?:(?:this|next)\s+)?` + dueWeekday + `(?:\s*,?\s*(?:the\s+)?(?:` + dueExplicit + `|\d{1,2}(?:st|nd|rd|th))|` + dueOfNextWeek + `)?`
	// dueOfNextWeek follows a weekday: "friday next week" is "next friday".
	dueOfNextWeek = `\s+(?:of\s+)?(?:the\s+)?next\s+week`
	// dueTomorrow is "tomorrow" as chat shortens it too ("tmrw", "tmr").
	dueTomorrow = `tomorrow|tmrw|tmr`
)

var (
	// dueTriggeredRE is a deadline after a word that makes it one ("by", "before",
	// "due", "the target is"…): weekdays and dates need it, or "on monday we saw"
	// would be a deadline.
	dueTriggeredRE = regexp.MustCompile(`(?i)\b(?:by|before|until|till|due:?|no later than|for|on|in|(?:target|deadline)(?:\s+date)?(?:\s+is|:)?)\s+(?:the\s+)?((?:` + dueEODOf + `|` + dueDayExpr + `|` + dueExplicit + `|` + dueRelative + `|today|tonight|` + dueTomorrow + `|\d{1,2}(?:st|nd|rd|th))\b|` + dueDotted + `)`)
	// dueEventDateRE is the date in brackets of an event a deadline names ("before
	// the june change (13 june)").
	dueEventDateRE = regexp.MustCompile(`(?i)\b(?:by|before|until|till|ahead of)\s+(?:the\s+)?[^().,;:!?]{1,30}\(\s*(` + dueExplicit + `)\s*\)`)
	// dueWeekdaysEventRE is a weekday's event a promise is for ("at thursday's
	// planning meeting", "in monday's standup"): a deadline in a sentence that
	// commits.
	dueWeekdaysEventRE = regexp.MustCompile(`(?i)\b(?:at|in|for)\s+(?:this\s+|next\s+)?(((?:mon|tues|wednes|thurs|fri|satur|sun)day)(?:'s|’s|s)?)\s+[a-z]`)
	// dueBareRE is a deadline that is one without a trigger ("this week", "EOW").
	dueBareRE = regexp.MustCompile(`(?i)\b(` + dueEODOf + `|` + dueEndOfQuarter + `|` + dueEndOfMonth + `|end\s+of\s+(?:the\s+)?(?:this\s+|next\s+)?(?:day|week|month|sprint|quarter|year)|eo[dwmq]|(?:this|next)\s+(?:week|sprint)|(?:this|next)\s+` + dueWeekday + `)\b`)
	// dueInSpanRE is a span from the day said, after "in" ("in 2 weeks"); "for 7
	// days" and "within 30 days" say how long, not when.
	dueInSpanRE = regexp.MustCompile(`(?i)\bin\s+(` + dueSpan + `)\b`)
	// dueSoonRE is "today"/"tomorrow", a deadline only in a sentence that commits.
	dueSoonRE = regexp.MustCompile(`(?i)\b(today|tonight|` + dueTomorrow + `)\b` +
		// A weekday standing alone at the end of a promise ("…, friday.", "…
		// per client. mon"): the day it is due; so is a span ("… fails before
		// production. Two weeks."), counted from the day it was said.
		`|(?:^|[,.;:—–]\s*|\s[-–—]\s*)(` + dueWeekday + `)\W*$` +
		`|(?:^|[,.;:—–]\s*|\s[-–—]\s*)(` + dueSpan + `)\W*$`)
	// dueLastWeekdayRE: a weekday as a sentence's last word, with the word before it.
	dueLastWeekdayRE = regexp.MustCompile(`(?i)\b([a-z']+)\s+(` + dueWeekday + `)\W*$`)
	// dueNotDeadlineRE: the words before a weekday that make it a day gone by or a
	// habit ("since monday", "every friday", "last tuesday", "every other
	// tuesday").
	dueNotDeadlineRE = regexp.MustCompile(`(?i)^(?:since|last|from|after|every|past|each|of|and|or|until|till|by|before|on|this|next|other|alternate)$`)
	// dueTodayToldRE: what follows "today" when it opens a clause told in the
	// past ("today we googled it", "today it went only to email"): the day of
	// the incident, not a deadline.
	dueTodayToldRE = regexp.MustCompile(`(?i)^\W*(?:we|i|it|they|he|she|you|nobody|everyone|someone|the \w+)\s+(?:\w+ed|went|was|were|had|did|got|saw|found|knew|came|took|made|began|paged|sent|ran)\b` +
		// or the way things are now ("today it goes to whichever account
		// manager they have"), what the promise changes.
		`|^\W*(?:it|they|this|that|everything|all of it)\s+(?:goes|go|is|are|sits|lands|ends up|only|just|still)\b`)
	// dueTrailingRefRE: a link or a ticket key closing a message.
	dueTrailingRefRE = regexp.MustCompile(`[\s(\[]*(?:<?https?://[^\s>]+>?|\b[A-Z][A-Z0-9]+-\d+\b)[\s.)\]]*$`)

	dueISORE   = regexp.MustCompile(`\b(\d{4})-(\d{2})-(\d{2})\b`)
	dueDotRE   = regexp.MustCompile(`\b(\d{1,2})\.(\d{1,2})\.(\d{4}|\d{2})?`)
	dueSlashRE = regexp.MustCompile(`\b(\d{1,2})/(\d{1,2})(?:/(\d{2,4}))?\b`)
	// The day is a number of its own: "Mar 2026" names no day 20.
	dueMonDayRE   = regexp.MustCompile(`(?i)\b(` + dueMonth + `)\s+(\d{1,2})(?:st|nd|rd|th)?\b(?:,?\s+(\d{4}))?`)
	dueDayMonRE   = regexp.MustCompile(`(?i)\b(\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?(` + dueMonth + `)\b(?:,?\s+(\d{4}))?`)
	dueWeekdayRE  = regexp.MustCompile(`(?i)\b(this\s+|next\s+)?(` + dueWeekday + `)`)
	dueOrdinalRE  = regexp.MustCompile(`(?i)\b(\d{1,2})(?:st|nd|rd|th)\b`)
	dueEndRE      = regexp.MustCompile(`(?i)\bend\s+of\s+(?:the\s+)?(this\s+|next\s+)?(day|week|month|quarter|year)\b|\beo([dwmqy])\b`)
	dueEODLeadRE  = regexp.MustCompile(`^(?:eod|cob|end of (?:the )?day)\s+`)
	dueEndMonthRE = regexp.MustCompile(`(?i)^end\s+of\s+(` + dueMonth + `)(?:\s+(\d{4}))?$`)
	dueWeekRE     = regexp.MustCompile(`(?i)^this\s+week$`)
	// dueEndQuarterRE and dueSpanRE read dueEndOfQuarter and dueSpan.
	dueEndQuarterRE = regexp.MustCompile(`^end of q([1-4])(?: (\d{4}))?$`)
	dueSpanRE       = regexp.MustCompile(`^(\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten) (day|week)s?$`)
	// dueNextWeekDayRE: "friday (of) next week", said as "next friday".
	dueNextWeekDayRE = regexp.MustCompile(`(?i)^(` + dueWeekday + `)` + dueOfNextWeek + `$`)
)

// pastDateMonths: how many months behind its message a date without a year may
// be and still be read as one that passed rather than next year's.
const pastDateMonths = 6

// findDue finds the deadline in a follow-up's text: the words (with their trigger,
// "by friday 3/6") and the date they name, "" when they name none. commits says the
// text is a commitment or a request, where a bare "today" or "tomorrow" is a
// deadline rather than a report.
func findDue(text string, said time.Time, commits bool) (words, date string) {
	// A quoted passage names a thing by what it says ("add \"client says they
	// booked online for today\" to the escalation list"): its days are no
	// deadline of the writer's.
	text = lkNameQuoteRE.ReplaceAllStringFunc(text, blankQuoted)
	var loc []int
	var expr, day string
	// The first deadline written wins, unless it names no day and a later one
	// does ("next week, by wednesday").
	// Every match counts, not only each pattern's first: "I'll put that in the
	// release checklist by friday" has its day after an event that names none.
	for _, re := range []*regexp.Regexp{dueTriggeredRE, dueBareRE, dueInSpanRE, dueEventDateRE} {
		for _, m := range re.FindAllStringSubmatchIndex(text, -1) {
			if dueCounterfactual(text, m[0]) || dueRate(text, m[0]) {
				continue
			}
			e := text[m[2]:m[3]]
			if countedFromEvent(text, m) {
				continue
			}
			d := resolveDue(e, said)
			better := loc == nil || m[0] < loc[0]
			if loc != nil && (d == "") != (day == "") {
				better = d != ""
			}
			if better {
				loc, expr, day = m[:2], e, d
			}
		}
	}
	if loc == nil && commits {
		// A link or a ticket key after the promise ("…, friday. https://…/INFRA-1022")
		// does not move its last words.
		tail := text
		for {
			t := dueTrailingRefRE.ReplaceAllString(tail, "")
			if t == tail {
				break
			}
			tail = t
		}
		// A "today" told of the incident ("nothing fired for 9 hours today")
		// leaves the weekday closing the promise its deadline.
		// Nor does "today's" ("with today's openssl commands", which names what
		// was done), or a "today" of what would be ("ledger_entries would page
		// today").
		soon := dueSoonRE.FindStringSubmatchIndex(tail)
		told := soon != nil && soon[2] >= 0 && (dueTodayToldRE.MatchString(tail[soon[3]:]) || dueToldBeforeRE.MatchString(clauseBefore(tail, soon[2])) ||
			possessiveNext(tail[soon[3]:]) || dueWouldBeforeRE.MatchString(clauseBefore(tail, soon[2])))
		if m := dueLastWeekdayRE.FindStringSubmatchIndex(tail); m != nil && (soon == nil || told) && !dueNotDeadlineRE.MatchString(tail[m[2]:m[3]]) {
			// "I'll add it monday", "fix them monday.": the weekday closing a
			// promise, after any word but one that looks back ("since monday").
			loc, expr = m[4:6], tail[m[4]:m[5]]
		} else if m := soon; m != nil && !told {
			loc = m[:2]
			for g := 2; g+1 < len(m); g += 2 {
				if m[g] >= 0 {
					// The words are the day or span itself, not the comma or
					// full stop that sets it apart.
					loc, expr = m[g:g+2], tail[m[g]:m[g+1]]
					break
				}
			}
		} else if m := dueWeekdaysEventRE.FindStringSubmatchIndex(text); m != nil {
			// "ill raise at thursdays planning meeting …": the day of the
			// event the promise is for.
			loc, expr = m[2:4], text[m[4]:m[5]]
		}
	}
	if loc == nil {
		return "", ""
	}
	words = strings.Join(strings.Fields(text[loc[0]:loc[1]]), " ")
	return words, resolveDue(expr, said)
}

// blankQuoted blanks a quoted passage from its opening quote to its closing
// one, keeping its length and what lkNameQuoteRE took around it (the space
// before, the full stop after).
func blankQuoted(q string) string {
	i := strings.IndexAny(q, `'"“`)
	j := strings.LastIndexAny(q, `'"”`)
	if i < 0 || j <= i {
		return q
	}
	_, n := utf8.DecodeRuneInString(q[j:])
	return q[:i] + strings.Repeat(" ", j+n-i) + q[j+n:]
}

// dueRate reports whether the span at i is the time a count was reached in
// ("1,214 suspensions in two days", "40 replies in 10 min"): a rate, not a
// deadline.
func dueRate(text string, i int) bool {
	return strings.HasPrefix(strings.ToLower(text[i:]), "in ") && dueCountBeforeRE.MatchString(text[:i])
}

// dueCountBeforeRE: a clause that opens with a number and the one or two words
// it counts, just before ("I'll move the 14 PCs in two weeks" promises).
var dueCountBeforeRE = regexp.MustCompile(`(?:^|[.!?;:,(]\s*|\s[-–—]\s*)[~≈]?\d[\d,.]*[kKmM%]?\s+(?:[\p{L}-]+\s+){1,2}$`)

// dueToldBeforeRE: a clause told in the past ("we pinged oskar first", "the
// lease thing bit us twice"), which "today" after it dates to the incident.
var dueToldBeforeRE = regexp.MustCompile(`(?i)\b(?:we|i|it|they|he|she|you|nobody|nothing|no one|everyone|someone|that|this|thing|\w+s)\s+(?:\w+ed|went|was|were|had|did|got|saw|found|knew|came|took|made|began|sent|ran|bit|hit|lost|broke)\b`)

// countedFromEvent reports whether the deadline match m names a weekday counted
// from an event rather than from the day it was said ("a pre-check of the
// nightly jobs on the friday before", "the monday after the release"); "by
// friday before lunch" names no such weekday.
func countedFromEvent(text string, m []int) bool {
	lead := strings.ToLower(strings.TrimSpace(text[m[0]:m[2]]))
	return dueWeekdayRE.MatchString(text[m[2]:m[3]]) && strings.HasSuffix(lead, "the") && dueEventRelRE.MatchString(text[m[1]:])
}

// dueEventRelRE: the words after a weekday that count it from an event ("the
// friday before", "the monday after the release").
var dueEventRelRE = regexp.MustCompile(`(?i)^\s+(?:before|after)\b`)

// dueWouldBeforeRE: a clause of what would happen ("ledger_entries would page"),
// whose day word tells when, not by when.
var dueWouldBeforeRE = regexp.MustCompile(`(?i)\bwould(?:n'?t)?\s+(?:\w+\s+){0,2}$`)

// dueCounterfactualRE: a sentence about what would have been ("that would have
// caught this on the 13th", "we'd have caught this on 8 Oct"), whose dates are
// not deadlines.
var dueCounterfactualRE = regexp.MustCompile(`(?i)\b(?:would|could|should|might)(?:'ve|\s+have)\b|\w'd(?:'ve|\s+have)\b`)

// clauseBefore is the clause of s that ends at i: from the last sentence or
// clause mark before i.
func clauseBefore(s string, i int) string {
	start := strings.LastIndexAny(s[:i], ".!?;:,")
	return s[start+1 : i]
}

// dueCounterfactual reports whether the sentence of text holding position i
// tells what would have been.
func dueCounterfactual(text string, i int) bool {
	start := strings.LastIndexAny(text[:i], ".!?") + 1
	end := len(text)
	if j := strings.IndexAny(text[i:], ".!?"); j >= 0 {
		end = i + j
	}
	sent := text[start:end]
	for _, m := range dueCounterfactualRE.FindAllStringIndex(sent, -1) {
		// "should have it by friday", "would have a draft by the 24th": "have"
		// that holds a thing looks ahead; only "have" before a participle
		// ("should have caught") tells what would have been.
		if !dueHaveThingRE.MatchString(sent[m[1]:]) {
			return true
		}
	}
	return false
}

// dueHaveThingRE: the words after "should have" when "have" holds a thing (a
// pronoun, an article or a possessive), not a participle.
var dueHaveThingRE = regexp.MustCompile(`(?i)^\s+(?:it|that|this|them|those|these|one|something|a|an|the|my|our|your|his|her|their|some|all|both)\b`)

// resolveDue turns deadline words into a YYYY-MM-DD date against the time they were
// said, "" when they name no day or said is unknown.
func resolveDue(expr string, said time.Time) string {
	if said.IsZero() {
		return ""
	}
	said = said.UTC()
	day := time.Date(said.Year(), said.Month(), said.Day(), 0, 0, 0, 0, time.UTC)
	low := strings.ToLower(strings.Join(strings.Fields(expr), " "))
	// "EOD tomorrow" is the day named after it.
	if rest := dueEODLeadRE.ReplaceAllString(low, ""); rest != low && rest != "" {
		low = rest
	}
	format := func(t time.Time) string { return t.Format("2006-01-02") }

	// "end of november" is that month's last day, this year's unless it is over.
	if sub := dueEndMonthRE.FindStringSubmatch(low); sub != nil && monthOf(sub[1]) > 0 {
		y := day.Year()
		if sub[2] != "" {
			y, _ = strconv.Atoi(sub[2])
		}
		end := time.Date(y, time.Month(monthOf(sub[1]))+1, 0, 0, 0, 0, 0, time.UTC)
		if sub[2] == "" && end.Before(day) {
			end = time.Date(y+1, time.Month(monthOf(sub[1]))+1, 0, 0, 0, 0, 0, time.UTC)
		}
		if longGone(end, day) {
			return "" // a year written out long gone ("end of feb 2019")
		}
		return format(end)
	}
	// "end of Q2" is the quarter's last day, this year's unless it is over.
	if sub := dueEndQuarterRE.FindStringSubmatch(low); sub != nil {
		q, _ := strconv.Atoi(sub[1])
		y := day.Year()
		if sub[2] != "" {
			y, _ = strconv.Atoi(sub[2])
		}
		end := time.Date(y, time.Month(3*q)+1, 0, 0, 0, 0, 0, time.UTC)
		if sub[2] == "" && end.Before(day) {
			end = time.Date(y+1, time.Month(3*q)+1, 0, 0, 0, 0, 0, time.UTC)
		}
		if longGone(end, day) {
			return ""
		}
		return format(end)
	}
	// "in 2 weeks" counts from the day it was said.
	if sub := dueSpanRE.FindStringSubmatch(low); sub != nil {
		n, err := strconv.Atoi(sub[1])
		if err != nil {
			n = map[string]int{"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10}[sub[1]]
		}
		if sub[2] == "week" {
			n *= 7
		}
		return format(day.AddDate(0, 0, n))
	}
	if d, ok := explicitDate(low, day); ok {
		return format(d)
	}
	switch low {
	case "today", "tonight":
		return format(day)
	case "tomorrow", "tmrw", "tmr":
		return format(day.AddDate(0, 0, 1))
	}
	if sub := dueNextWeekDayRE.FindStringSubmatch(low); sub != nil {
		low = "next " + sub[1]
	}
	if dueWeekRE.MatchString(low) {
		return format(fridayOf(day, 0))
	}
	if sub := dueEndRE.FindStringSubmatch(low); sub != nil {
		next := strings.TrimSpace(sub[1]) == "next"
		unit := sub[2]
		if sub[3] != "" {
			unit = map[string]string{"d": "day", "w": "week", "m": "month", "q": "quarter", "y": "year"}[sub[3]]
		}
		n := 0
		if next {
			n = 1
		}
		switch unit {
		case "day":
			return format(day.AddDate(0, 0, n))
		case "week":
			return format(fridayOf(day, n))
		case "month":
			return format(time.Date(day.Year(), day.Month()+time.Month(n)+1, 0, 0, 0, 0, 0, time.UTC))
		case "quarter":
			q := (int(day.Month())-1)/3 + 1 + n
			return format(time.Date(day.Year(), time.Month(3*q)+1, 0, 0, 0, 0, 0, time.UTC))
		case "year":
			return format(time.Date(day.Year()+n, 12, 31, 0, 0, 0, 0, time.UTC))
		}
	}
	if sub := dueWeekdayRE.FindStringSubmatch(low); sub != nil && !strings.Contains(low, "week") {
		wd, ok := weekdayOf(sub[2])
		if !ok {
			return ""
		}
		if strings.TrimSpace(sub[1]) == "next" {
			// The named day of the following week (weeks start on Monday).
			monday := day.AddDate(0, 0, -((int(day.Weekday())+6)%7)+7)
			return format(monday.AddDate(0, 0, (int(wd)+6)%7))
		}
		ahead := (int(wd) - int(day.Weekday()) + 7) % 7
		if ahead == 0 {
			ahead = 7
		}
		return format(day.AddDate(0, 0, ahead))
	}
	return ""
}

// numericYear reads the optional year of a numeric date ("17.9.26", "3/6/2026"): a
// two-digit year is this century's; none is 0.
func numericYear(s string) int {
	if s == "" {
		return 0
	}
	y, _ := strconv.Atoi(s)
	if y < 100 {
		y += 2000
	}
	return y
}

// explicitDate reads a written calendar date out of low; a date without a year is
// the next one from a month before day.
func explicitDate(low string, day time.Time) (time.Time, bool) {
	var y, m, d int
	switch {
	case dueISORE.MatchString(low):
		sub := dueISORE.FindStringSubmatch(low)
		y, _ = strconv.Atoi(sub[1])
		m, _ = strconv.Atoi(sub[2])
		d, _ = strconv.Atoi(sub[3])
	case dottedDate(low) != nil:
		// "17.9." is day.month, as written where dots separate dates.
		sub := dottedDate(low)
		d, _ = strconv.Atoi(sub[1])
		m, _ = strconv.Atoi(sub[2])
		y = numericYear(sub[3])
	case dueSlashRE.MatchString(low):
		sub := dueSlashRE.FindStringSubmatch(low)
		m, _ = strconv.Atoi(sub[1])
		d, _ = strconv.Atoi(sub[2])
		y = numericYear(sub[3])
	case dueMonDayRE.MatchString(low):
		sub := dueMonDayRE.FindStringSubmatch(low)
		m = monthOf(sub[1])
		d, _ = strconv.Atoi(sub[2])
		if sub[3] != "" {
			y, _ = strconv.Atoi(sub[3])
		}
	case dueDayMonRE.MatchString(low):
		sub := dueDayMonRE.FindStringSubmatch(low)
		d, _ = strconv.Atoi(sub[1])
		m = monthOf(sub[2])
		if sub[3] != "" {
			y, _ = strconv.Atoi(sub[3])
		}
	case dueOrdinalRE.MatchString(low):
		// "friday the 6th": the next 6th.
		sub := dueOrdinalRE.FindStringSubmatch(low)
		d, _ = strconv.Atoi(sub[1])
		m = int(day.Month())
		if d < day.Day() {
			m++
		}
		if m > 12 {
			m, y = 1, day.Year()+1
		}
	default:
		return time.Time{}, false
	}
	if m < 1 || m > 12 || d < 1 || d > 31 || (y != 0 && (y < 1970 || y > 2200)) {
		return time.Time{}, false
	}
	guess := y == 0
	if guess {
		y = day.Year()
	}
	t := time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC)
	if t.Day() != d {
		return time.Time{}, false // 2/30
	}
	if guess && t.Before(day.AddDate(0, -1, 0)) {
		// A date without a year months behind the message is one that passed
		// ("we put the geo rule on the ingress on 8 Oct", said in November),
		// not the same day next year; a date most of a year behind is next
		// year's ("by 15 jan", said in November).
		if t.After(day.AddDate(0, -pastDateMonths, 0)) {
			return time.Time{}, false
		}
		t = t.AddDate(1, 0, 0)
	}
	if !guess && longGone(t, day) {
		return time.Time{}, false
	}
	return t, true
}

// longGone reports whether a date with its year written out ("by 1.01.00",
// "end of feb 2019") lies more than a year before the message day: it names no
// deadline. A report may well list action items due some weeks before it was
// written, so a shorter lag is kept.
func longGone(t, day time.Time) bool { return t.Before(day.AddDate(-1, 0, 0)) }

// fridayOf is the Friday of day's week, or of the week n weeks later. On a weekend
// the week that is ending has no working days left, so it is the next one.
func fridayOf(day time.Time, n int) time.Time {
	ahead := (int(time.Friday) - int(day.Weekday()) + 7) % 7
	if day.Weekday() == time.Saturday {
		ahead = 6
	}
	return day.AddDate(0, 0, ahead+7*n)
}

func weekdayOf(s string) (time.Weekday, bool) {
	s = strings.TrimSuffix(strings.ToLower(s), ".")
	for wd := time.Sunday; wd <= time.Saturday; wd++ {
		if strings.HasPrefix(strings.ToLower(wd.String()), s[:min(3, len(s))]) && len(s) >= 3 {
			return wd, true
		}
	}
	return 0, false
}

func monthOf(s string) int {
	s = strings.TrimSuffix(strings.ToLower(s), ".")
	if len(s) < 3 {
		return 0
	}
	for m := time.January; m <= time.December; m++ {
		if strings.HasPrefix(strings.ToLower(m.String()), s[:3]) {
			return int(m)
		}
	}
	return 0
}

// dottedDate is the first day.month of low written with dots ("17.9.",
// "3.11.2026"), its groups as dueDotRE's, or nil. A version is no date: a number
// that goes on with more digits or dots ("pricing-svc 4.12.2", "1.4.12.3") or
// follows a dot or a "v" ("v1.2.3") is skipped.
func dottedDate(low string) []string {
	for _, loc := range dueDotRE.FindAllStringSubmatchIndex(low, -1) {
		start, end := loc[0], loc[1]
		if start > 0 && (low[start-1] == '.' || low[start-1] == 'v') {
			continue
		}
		if end < len(low) && (low[end] >= '0' && low[end] <= '9' || low[end] == '.' && end+1 < len(low) && low[end+1] >= '0' && low[end+1] <= '9') {
			continue
		}
		sub := make([]string, 4)
		for g := 0; g < 4; g++ {
			if loc[2*g] >= 0 {
				sub[g] = low[loc[2*g]:loc[2*g+1]]
			}
		}
		return sub
	}
	return nil
}
