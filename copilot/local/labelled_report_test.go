package local_test

import (
	"context"
	"strings"
	"testing"

	"github.com/incidentcopilot/incident-copilot/copilot"
	"github.com/incidentcopilot/incident-copilot/copilot/local"
	"github.com/incidentcopilot/incident-copilot/copilot/transcript"
)

// summaryAndFollowUps reads a report and asks the local engine for both answers.
func summaryAndFollowUps(t *testing.T, name, src string) (*copilot.SummaryAnswer, *copilot.FollowUpsAnswer) {
	t.Helper()
	inc, err := transcript.ReadPostmortem(name, []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	e := local.New(nil)
	sum, err := e.Summarize(context.Background(), inc)
	if err != nil {
		t.Fatal(err)
	}
	fu, err := e.FollowUps(context.Background(), inc)
	if err != nil {
		t.Fatal(err)
	}
	return sum, fu
}

// A report that labels its parts inline, as cloud providers' status histories do:
// "Summary of impact:", "Root cause:", "Mitigation:", then "Next steps:" announcing a
// list. The labels are its structure: impact from its label (not a number in a next
// step), and the list entries and the later promise are the follow-ups, the apology
// that announces them is not.
func TestInlineLabelledReport(t *testing.T) {
	src := `# Storage latency in West Europe

Summary of impact: Between 14:10 and 16:45 UTC, a subset of customers using blob storage saw elevated latency and timeouts when reading data.

Root cause: A routine firmware update on the storage front-end servers introduced a memory leak in the request routing service.

Mitigation: Engineers stopped the firmware rollout at 15:20 and rolled the affected front-ends back to the previous firmware version.

Next steps: We apologise for the impact to affected customers. The following steps are underway:
- Add memory growth checks to the firmware deployment health gates, so a leak halts the rollout automatically.
- Update the health probes to exercise the request path rather than only the process liveness.
- We will shorten the rollout stages for front-end firmware from 25% to 5% of a region.
`
	sum, fu := summaryAndFollowUps(t, "storage-latency.md", src)
	s := sum.Summary
	if !strings.Contains(s.Impact, "subset of customers using blob storage saw elevated latency") || strings.Contains(s.Impact, "rollout stages") {
		t.Errorf("impact %q: want the labelled impact", s.Impact)
	}
	if !strings.HasPrefix(s.RootCause, "A routine firmware update") {
		t.Errorf("root cause %q", s.RootCause)
	}
	if !strings.HasPrefix(s.Mitigation, "Engineers stopped the firmware rollout") {
		t.Errorf("mitigation %q", s.Mitigation)
	}
	var got []string
	for _, it := range fu.Items {
		got = append(got, it.Text)
		if it.Captured {
			t.Errorf("%q is captured: no ticket names it", it.Text)
		}
	}
	want := []string{"Add memory growth checks", "Update the health probes", "We will shorten the rollout stages"}
	if len(got) != len(want) {
		t.Fatalf("follow-ups %q, want %d starting %q", got, len(want), want)
	}
	for i, w := range want {
		if !strings.HasPrefix(got[i], w) {
			t.Errorf("follow-up %d is %q, want it to start %q", i, got[i], w)
		}
	}
}

// A report whose "Remediation and prevention" section tells both what was done and
// what will be: the action taken is the mitigation, the promise the follow-up, and
// the narration of the response is not a follow-up.
func TestRemediationSectionTellsBoth(t *testing.T) {
	src := `Load balancer errors in us-east1 on 19 July 2024

ISSUE SUMMARY
About 14% of HTTPS requests to external load balancers in us-east1 returned 502 errors.

ROOT CAUSE
A configuration push to the load balancer control plane contained a certificate bundle with a truncated intermediate certificate.

REMEDIATION AND PREVENTION
Engineers were paged by automated alerting at 08:09. At 09:15 they halted the push and began reverting proxies to the previous bundle.

We will validate certificate chains before a configuration push is accepted.
`
	sum, fu := summaryAndFollowUps(t, "lb-errors.txt", src)
	if !strings.Contains(sum.Summary.Mitigation, "halted the push and began reverting proxies") {
		t.Errorf("mitigation %q: want the action the remediation section reports", sum.Summary.Mitigation)
	}
	if !strings.Contains(sum.Summary.RootCause, "truncated intermediate certificate") {
		t.Errorf("root cause %q", sum.Summary.RootCause)
	}
	if len(fu.Items) != 1 || !strings.HasPrefix(fu.Items[0].Text, "We will validate certificate chains") {
		var got []string
		for _, it := range fu.Items {
			got = append(got, it.Text)
		}
		t.Errorf("follow-ups %q, want only the promise", got)
	}
}

// A review whose headings are questions in bold: "What went wrong and why?" holds the
// root cause (not lessons), and the promises under the last question are the
// follow-ups.
func TestQuestionHeadings(t *testing.T) {
	src := `# Post incident review – DNS resolution failures in North Europe

**What happened?**

Between 07:40 and 09:05 UTC, customers in North Europe experienced intermittent DNS resolution failures for private zones. Around 9% of lookups from virtual networks timed out, which caused connection errors for dependent services.

**What went wrong and why?**

A capacity change to the DNS resolver fleet removed two resolver clusters from rotation for maintenance while a third was already draining.

**How are we making incidents like this less likely?**

- We are adding a pre-check that blocks maintenance when the remaining resolver capacity would fall below peak demand.
- We will raise the connection tracking limits on resolver hosts.
`
	sum, fu := summaryAndFollowUps(t, "dns-2024-03-12.md", src)
	if !strings.HasPrefix(sum.Summary.RootCause, "A capacity change to the DNS resolver fleet") {
		t.Errorf("root cause %q: want the answer to 'what went wrong and why'", sum.Summary.RootCause)
	}
	if len(fu.Items) != 2 {
		t.Errorf("follow-ups %+v, want the two promises", fu.Items)
	}
}

// A report without headings or labels, in prose: the responders' action told in the
// third person and placed in time ("At 1:10 PM they disabled …") is the mitigation.
func TestProseReportMitigation(t *testing.T) {
	src := `Summary of the message queue service event

Starting at 11:49 AM PDT, customers began to experience elevated error rates when sending and receiving messages. The issue was caused by a latent defect in the capacity management subsystem.

Engineers were engaged within minutes and identified the crashing subsystem by 12:26 PM. At 1:10 PM they disabled the scaling activity and restarted the subsystem with a larger memory limit, and error rates began to recover.

We will add a test that exercises the subsystem at twice the current fleet size.
`
	sum, fu := summaryAndFollowUps(t, "queue-event.txt", src)
	if !strings.HasPrefix(sum.Summary.Mitigation, "At 1:10 PM they disabled the scaling activity") {
		t.Errorf("mitigation %q", sum.Summary.Mitigation)
	}
	if len(fu.Items) != 1 || !strings.HasPrefix(fu.Items[0].Text, "We will add a test") {
		t.Errorf("follow-ups %+v", fu.Items)
	}
}

// An entry's owner written in parentheses with a colon ("(owner: Priya, ORD-412)")
// is a field of the entry: the quoted item is not cut at that colon.
func TestOwnerFieldInParentheses(t *testing.T) {
	src := "# Queue outage\n\n## Summary\n\nOrders were delayed by a policy change.\n\n## Action items\n\n" +
		"- Add an alert on dead-letter exchange rates (owner: Priya, ORD-412)\n"
	_, fu := summaryAndFollowUps(t, "pm-queue.md", src)
	if len(fu.Items) != 1 || !strings.Contains(fu.Items[0].Text, "(owner: Priya, ORD-412)") || fu.Items[0].Owner != "Priya" || !fu.Items[0].Captured {
		t.Errorf("items %+v: want the whole entry, owned by Priya, captured by ORD-412", fu.Items)
	}
}

// A report with an impact section states the impact there, in the author's order:
// the window, the counts and who was spared. The summary's sentence about the
// change carries more shares and clock times, but it tells the trigger, and a long
// section is cut at whole sentences.
func TestImpactFromItsSection(t *testing.T) {
	src := `# Search index served stale prices

## Summary

On 3 May the indexer config was changed to batch 100% of updates instead of 10%, from 09:10 to 09:55 UTC, for 2 of 3 regions.

## Impact

From 09:10 to 09:55 UTC shoppers in EU and US saw prices up to 40 minutes old on 12% of product pages. About 830 orders were placed at an outdated price. APAC was not affected.

Finance reviewed every affected order over the following two days and refunded the difference where customers paid more than the current price, which took many hours of manual work across three teams and several spreadsheets.

## Root cause

The batch size field takes a share, and 1 was read as 100%.
`
	sum, _ := summaryAndFollowUps(t, "stale-prices.md", src)
	imp := sum.Summary.Impact
	for _, want := range []string{"From 09:10 to 09:55 UTC shoppers in EU and US", "About 830 orders", "APAC was not affected"} {
		if !strings.Contains(imp, want) {
			t.Errorf("impact %q: want %q", imp, want)
		}
	}
	if strings.Contains(imp, "batch 100%") || strings.Contains(imp, "Finance reviewed") {
		t.Errorf("impact %q: want neither the summary's change nor the section's long tail", imp)
	}
}

// A report's root-cause section opens with the trigger and goes on with the
// mechanism; the sentence that scores best alone is often its last ("the change
// had no second reviewer, so …"), a contributing condition. The section's opening
// is the root cause, cut at whole sentences.
func TestRootCauseFromItsSection(t *testing.T) {
	src := `# Pricing flag served to everyone

## Summary

Prices without VAT were shown in the EU stores for 47 minutes.

## Why it happened

The rollout share of the pricing flag was typed as "1.00" in a field that expects a whole percentage. The console stores basis points, so it read 100%. The change had no second reviewer, so the flag went to every session instead of 1%. Reviews of flag changes were dropped last year when the team shrank and nobody picked the practice up again after the reorganisation.

## Resolution

Turning the flag off stopped the wrong prices within six minutes.
`
	sum, _ := summaryAndFollowUps(t, "pricing-flag.md", src)
	rc := sum.Summary.RootCause
	if !strings.HasPrefix(rc, `The rollout share of the pricing flag was typed as "1.00"`) || !strings.Contains(rc, "read 100%") {
		t.Errorf("root cause %q: want the section's opening sentences", rc)
	}
	if strings.Contains(rc, "reorganisation") {
		t.Errorf("root cause %q: want it cut at whole sentences", rc)
	}
}

// A report's impact paragraph states the effect and then its size; both sentences
// are the impact, and the paragraph's cause sentence is not.
func TestImpactKeepsItsParagraph(t *testing.T) {
	src := `# Ledger unreachable after a network apply

## Summary

At 14:46 UTC a terraform apply from an old branch deleted the rule that lets payments reach the ledger database.

For 34 minutes payments-api could not open connections to the ledger database. All payouts and all card captures failed; about 5,600 captures were retried after recovery.

## Resolution

The rule was re-added by hand and the apply pipeline was paused.
`
	sum, _ := summaryAndFollowUps(t, "ledger.md", src)
	imp := sum.Summary.Impact
	for _, want := range []string{"For 34 minutes payments-api could not open connections", "All payouts and all card captures failed"} {
		if !strings.Contains(imp, want) {
			t.Errorf("impact %q: want %q", imp, want)
		}
	}
	if strings.Contains(imp, "terraform apply") {
		t.Errorf("impact %q: want no cause", imp)
	}
}

// A report's to-dos tell what will be done: their numbers ("after 5 failed
// attempts", "more than 20% of resize jobs") are no impact. The section is known
// by its entries (imperatives under a heading that does not say so) or by its
// heading alone ("What we're changing"), even when the entries open with verbs
// the imperative list does not know ("Send", "Reject").
func TestImpactNotFromATodoSection(t *testing.T) {
	for _, todo := range []string{`## Plan

- Add explicit memory limits to every worker deployment.
- Move failed jobs to a dead-letter queue after 5 failed attempts instead of retrying forever.
- Add an alert when more than 20% of resize jobs fail for 10 minutes.
`, `## What we're changing

- Reject images above 50 megapixels before decoding them.
- Send a job to a dead-letter queue after 5 failed attempts instead of retrying forever.
`} {
		src := `# Resize workers killed

## What happened

Between 08:40 and 11:05 UTC roughly 60% of uploaded photos got no thumbnail.

## Why

The new namespace has a default memory limit of 1 GiB, below what decoding a large photo takes, so the kernel killed the workers.

` + todo
		sum, _ := summaryAndFollowUps(t, "resize.md", src)
		imp := sum.Summary.Impact
		if !strings.Contains(imp, "60% of uploaded photos") {
			t.Errorf("impact %q: want the photos without thumbnails", imp)
		}
		if strings.Contains(imp, "failed attempts") || strings.Contains(imp, "20% of resize jobs") {
			t.Errorf("impact %q: want nothing from the to-do section", imp)
		}
	}
}

// What users saw in the broken state ("showed a grey placeholder") measures the
// damage as an error count does, when it carries its own number.
func TestImpactParagraphStateSentence(t *testing.T) {
	src := `# Thumbnails missing

## What happened

Between 08:40 and 11:05 UTC roughly 60% of photos uploaded by sellers got no thumbnails. 48,000 listings showed a grey placeholder, and the resize queue grew to 210,000 jobs.

## Why

A default memory limit of 1 GiB in the new namespace made the kernel kill the workers.
`
	sum, _ := summaryAndFollowUps(t, "thumbs.md", src)
	if imp := sum.Summary.Impact; !strings.Contains(imp, "60% of photos") || !strings.Contains(imp, "48,000 listings showed a grey placeholder") {
		t.Errorf("impact %q: want both sentences of the paragraph", imp)
	}
}

// A report that states its trigger in a paragraph of another heading
// ("Contributing factors") goes on with the mechanism in the sentences after it,
// which name no change and no causal verb; the root cause keeps them, and stops
// before the paragraph of a missing alert.
func TestRootCauseKeepsItsParagraph(t *testing.T) {
	src := `# Invoices priced in the wrong currency

## Summary

For two hours on Monday invoices for Nordic customers were priced in euros.

## Timeline

| Time (UTC) | Event |
|---|---|
| 08:10 | Schema migration 0412 applied |
| 10:05 | Support reports invoices in EUR |
| 10:20 | Default restored, invoices regenerated |

## Contributing factors

Migration 0412 renamed the region column of accounts to market_region. The invoicing job's lookup returned an empty value, which it treats as its home market; with no fallback it priced those invoices in euros.

Nobody watched the share of invoices per currency.
`
	sum, _ := summaryAndFollowUps(t, "currency.md", src)
	rc := sum.Summary.RootCause
	if !strings.HasPrefix(rc, "Migration 0412 renamed the region column") || !strings.Contains(rc, "priced those invoices in euros") {
		t.Errorf("root cause %q: want the trigger and the mechanism after it in its paragraph", rc)
	}
	if strings.Contains(rc, "Nobody watched") {
		t.Errorf("root cause %q: want it to stop at its paragraph", rc)
	}
}
