package local

import (
	"testing"
	"time"
)

var dueTests = []struct {
	name, text, said string
	commits          bool
	words, date      string
}{
	{"weekday with date", "can you own it, by friday 3/6?", "2026-03-02", false, "by friday 3/6", "2026-03-06"},
	// "Today" opening a clause told in the past is the incident's day.
	{"today told in the past", "I'll write the runbook for rotating the key by hand, today we googled it", "2026-03-02", true, "", ""},
	{"today it went", "I'll put the stale-list alert on the on-call phone, today it went only to email", "2026-03-02", true, "", ""},
	{"today as the deadline", "I'll put the stale-list alert on the on-call phone today", "2026-03-02", true, "today", "2026-03-02"},
	// "Today" closing a clause told in the past is the incident's day too.
	{"today after a clause told in the past", "I'll add a line to the support playbook to page SRE first. we pinged the catalogue team first today", "2026-03-02", true, "", ""},
	{"bit us today", "the lease thing bit us twice today. I'll write a reaper for that", "2026-03-02", true, "", ""},
	// A date in what would have been is no deadline.
	{"would have caught it on the 13th", "an alert on retained WAL > 20GB. that would have caught this on the 13th. I'll do that one", "2026-05-21", true, "", ""},
	{"would've shown it on saturday", "can we get a per-insurer latency panel? would have shown it going weird on saturday", "2026-03-02", false, "", ""},
	// A weekday that recurs is a habit.
	{"every other tuesday", "i'll raise it with the vendor, we have a call with them every other tuesday", "2026-05-14", true, "", ""},
	{"bare weekday", "i'll take it, by friday", "2026-09-15", true, "by friday", "2026-09-18"},
	{"weekday on the day is a week later", "@ravi can you add a test by tuesday?", "2026-05-19", false, "by tuesday", "2026-05-26"},
	{"next weekday is the following week", "write the runbook by next thursday?", "2025-09-30", false, "by next thursday", "2025-10-09"},
	{"weekday of next week", "I'll add VCL tests in CI, by friday next week", "2026-04-01", true, "by friday next week", "2026-04-10"},
	{"tomorrow shortened", "sure, I'll do it tmrw", "2026-04-01", true, "tmrw", "2026-04-02"},
	{"eow", "I'll sweep IAM, EOW", "2026-07-08", true, "EOW", "2026-07-10"},
	{"end of week", "I'll sweep IAM, by end of week", "2026-07-08", true, "by end of week", "2026-07-10"},
	{"end of next week", "import them into tf, by end of next week", "2025-04-09", true, "by end of next week", "2025-04-18"},
	{"this week", "I'll do it this week", "2025-08-27", true, "this week", "2025-08-29"},
	{"end of month", "quota process by end of month", "2025-07-15", false, "by end of month", "2025-07-31"},
	{"end of a named month", "split the credentials, until end of November", "2026-10-27", false, "until end of November", "2026-11-30"},
	{"end of a named month with its year", "split the credentials by end of March 2027", "2026-10-27", false, "by end of March 2027", "2027-03-31"},
	{"end of a named month that is over", "rotate the keys by end of February", "2026-10-27", false, "by end of February", "2027-02-28"},
	{"month day", "I'll get it done before june 30, otherwise", "2026-05-12", true, "before june 30", "2026-06-30"},
	{"day month", "due 3rd of March", "2026-02-20", false, "due 3rd of March", "2026-03-03"},
	// The year after a month is no day of it: "27 Mar 2026" is the 27th, not the 20th.
	{"day month year", "Due 27 Mar 2026", "2026-03-09", false, "Due 27 Mar 2026", "2026-03-27"},
	{"iso", "Due: 2024-06-01", "2024-05-01", false, "Due: 2024-06-01", "2024-06-01"},
	{"tomorrow in a commitment", "I'll add an exclusion list tomorrow", "2026-02-24", true, "tomorrow", "2026-02-25"},
	{"tomorrow in a report is no deadline", "the batch runs again tomorrow", "2026-02-24", false, "", ""},
	{"end of a named day", "kindly add the cron to the base image by EOD tomorrow @suresh", "2026-03-24", false, "by EOD tomorrow", "2026-03-25"},
	{"end of day on a weekday", "I'll send it end of day friday", "2026-03-24", true, "end of day friday", "2026-03-27"},
	{"ordinal day of the month", "please own this and report back by the 15th", "2026-11-10", false, "by the 15th", "2026-11-15"},
	{"ordinal already past is next month", "have it done by the 3rd", "2026-11-10", false, "by the 3rd", "2026-12-03"},
	{"day.month with dots", "idempotent writes — @felix.h, until 17.9.", "2026-09-10", false, "until 17.9.", "2026-09-17"},
	{"day.month.year", "migration done by 3.11.2026", "2026-10-20", false, "by 3.11.2026", "2026-11-03"},
	{"a version is no date", "we'll switch to the route template by 5.17 or so", "2026-07-22", true, "", ""},
	{"a dotted version is no date", "I'll add it to the checklist, in before 7.12.0-b4 on monday", "2025-03-19", true, "on monday", "2025-03-24"},
	{"today", "and I'll audit those other 11 today", "2025-12-02", true, "today", "2025-12-02"},
	{"weekday before a link", "I'll add a plan-diff check on our ALBs, friday. https://acme.atlassian.net/browse/INFRA-1022", "2025-04-17", true, "friday.", "2025-04-18"},
	{"weekday before a key", "I'll add a plan-diff check on our ALBs, friday (INFRA-1022)", "2025-04-17", true, "friday", "2025-04-18"},
	{"a span standing alone", "I add the upload synthetic check to the WAF pipeline. Two weeks.", "2026-01-27", true, "Two weeks", "2026-02-10"},
	{"a span said of the past is no deadline", "the cleanup cron failed silently for two weeks.", "2026-01-27", true, "", ""},
	{"the target is", "Tomás is leading this change; the target is the end of April.", "2026-03-03", false, "target is the end of April", "2026-04-30"},
	{"a span from the day said", "I will add request coalescing on the search api, in 2 weeks", "2026-11-16", true, "in 2 weeks", "2026-11-30"},
	{"a span in words", "I'll write the replay tool in ten days", "2026-11-16", true, "in ten days", "2026-11-26"},
	{"a span in small words", "I'll write the replay tool in two weeks", "2026-11-16", true, "in two weeks", "2026-11-30"},
	{"a duration is no deadline", "keep old chunks for 7 days after deploy", "2026-08-04", false, "", ""},
	{"within is a duration", "a check that lists passwords expiring within 30 days", "2026-11-01", true, "", ""},
	{"end of a named quarter", "purge soft-deletes first, end of Q2", "2026-05-06", false, "end of Q2", "2026-06-30"},
	{"end of a quarter that is over", "by end of Q1", "2026-05-06", false, "by end of Q1", "2027-03-31"},
	{"sprint has no date", "i'll get it into next sprint", "2025-06-24", true, "next sprint", ""},
	{"end of sprint has no date", "can you own it, by end of sprint?", "2025-12-09", false, "by end of sprint", ""},
	{"a release is no date", "we'll switch to the route template in 5.17", "2026-07-22", true, "", ""},
	{"a quarter alone names no day", "migrate the fleet by Q3", "2026-02-01", false, "by Q3", ""},
	{"the end of a quarter is a day", "migrate the fleet by end of quarter", "2026-02-01", false, "by end of quarter", "2026-03-31"},
	{"a year-end date next year", "renew it by jan 15", "2025-12-20", false, "by jan 15", "2026-01-15"},
	{"impossible date", "fix it by 2/30", "2026-01-10", false, "by 2/30", ""},
	{"weekend eow", "eow", "2026-03-07", true, "eow", "2026-03-13"},
	// A weekday closing a promise after a plain word; one after a word that looks
	// back is a day gone by.
	{"weekday as the last word", "I'll add it monday.", "2026-05-14", true, "monday.", "2026-05-18"},
	{"weekday after an object", "I put the replay flag in the on-call runbook monday", "2026-05-08", true, "monday", "2026-05-11"},
	{"weekday looked back to", "I'll add the alert, it has been failing since monday", "2026-05-14", true, "", ""},
	{"weekday in a report", "the import failed monday", "2026-05-14", false, "", ""},
	{"end of a named month alone", "I'll own that, end of june.", "2026-05-16", true, "end of june", "2026-06-30"},
	// A deadline naming no day gives way to a later one that does.
	{"next week, then the day", "I'll do that next week, by wednesday", "2026-06-05", true, "by wednesday", "2026-06-10"},
	// A date without a year months behind the message passed; most of a year
	// behind, it is next year's.
	{"a past date without a year", "we put the geo rule on the ingress on 8 Oct", "2026-11-12", true, "on 8 Oct", ""},
	{"a date most of a year behind", "I'll have it done by 15 jan", "2026-11-12", true, "by 15 jan", "2027-01-15"},
	// A count reached in a span is a rate; a promise about a count keeps it.
	{"a count reached in a span", "1,214 suspensions in two days, normal is like 30", "2026-09-03", true, "", ""},
	{"a count in a promise", "I'll move the 14 PCs in two weeks", "2026-09-03", true, "in two weeks", "2026-09-17"},
	{"would have, shortened", "I'll add a question to the change template. we'd have caught this on 8 Oct", "2026-09-03", true, "", ""},
	// "target" names the deadline with or without "is" or a colon.
	{"bare target", "I'll push the new truststore to all 14. not during harvest tho, target nov 20", "2026-09-28", true, "target nov 20", "2026-11-20"},
}

func TestFindDue(t *testing.T) {
	for _, tt := range dueTests {
		t.Run(tt.name, func(t *testing.T) {
			said, err := time.Parse("2006-01-02", tt.said)
			if err != nil {
				t.Fatal(err)
			}
			said = said.Add(10 * time.Hour)
			words, date := findDue(tt.text, said, tt.commits)
			if words != tt.words || date != tt.date {
				t.Errorf("findDue(%q) = %q, %q; want %q, %q", tt.text, words, date, tt.words, tt.date)
			}
		})
	}
}

// FuzzFindDue feeds arbitrary text: no panic, and a date is always a real one on or
// after a month before the message day.
func FuzzFindDue(f *testing.F) {
	for _, tt := range dueTests {
		f.Add(tt.text)
	}
	f.Add("by 99/99/99 or the 31st of feb, next sun. eoq")
	said := time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC)
	f.Fuzz(func(t *testing.T, text string) {
		_, date := findDue(text, said, true)
		if date == "" {
			return
		}
		d, err := time.Parse("2006-01-02", date)
		if err != nil {
			t.Fatalf("findDue(%q) date %q: %v", text, date, err)
		}
		if d.Before(said.AddDate(-1, 0, 0)) && !dueISORE.MatchString(text) && !dueSlashRE.MatchString(text) && !dueMonDayRE.MatchString(text) && !dueDayMonRE.MatchString(text) {
			t.Fatalf("findDue(%q) = %s, long before the message", text, date)
		}
	})
}

// A weekday's short form is a whole word: the "Sun" of a name ("owner: Sunita")
// or the "Wed" of "Wedge" is no day.
func TestResolveDueWeekdayIsAWord(t *testing.T) {
	said := time.Date(2026, 4, 14, 10, 0, 0, 0, time.UTC) // a Tuesday
	for expr, want := range map[string]string{
		"owner: Sunita": "",
		"Wedge team":    "",
		"sun":           "2026-04-19",
		"fri.":          "2026-04-17",
	} {
		if got := resolveDue(expr, said); got != want {
			t.Errorf("resolveDue(%q) = %q, want %q", expr, got, want)
		}
	}
}

// A version number is no day.month: "pricing-svc 4.12.2" in an action item's
// text must not make it due on 4 December; "17.9." and "3.11.2026" still are
// dates.
func TestVersionIsNoDottedDate(t *testing.T) {
	said := time.Date(2026, 5, 28, 10, 0, 0, 0, time.UTC)
	for _, tt := range []struct{ expr, want string }{
		{"pricing-svc 4.12.2", ""},
		{"v1.2.3", ""},
		{"1.4.12.3", ""},
		{"17.9.", "2026-09-17"},
		{"3.11.2026", "2026-11-03"},
		{"until 17.9. latest", "2026-09-17"},
	} {
		if got := resolveDue(tt.expr, said); got != tt.want {
			t.Errorf("resolveDue(%q) = %q, want %q", tt.expr, got, tt.want)
		}
	}
}
