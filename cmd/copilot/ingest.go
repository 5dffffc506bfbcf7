package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"golang.org/x/term"

	"github.com/incidentcopilot/incident-copilot/copilot"
	"github.com/incidentcopilot/incident-copilot/copilot/transcript"
)

func (m *Main) ingest(ctx context.Context, paths []string, pattern string, asJSON bool) error {
	// Everything is parsed before anything is written: a bad file stops the ingest
	// with nothing stored.
	start := time.Now()
	var skipped []string
	if !asJSON {
		fmt.Fprintf(m.Stderr, "ingest: parsing %s\n", strings.Join(paths, " "))
	}
	incs, err := transcript.Read(paths, transcript.Options{ChannelPattern: pattern, SkippedChannel: func(name string) { skipped = append(skipped, name) }})
	if err != nil {
		return err
	}
	m.reportSkipped(skipped, pattern)
	if len(incs) == 0 {
		fmt.Fprintf(m.Stderr, "ingest: no incidents found in %s\n", strings.Join(paths, " "))
	}
	s, _, err := m.open(ctx)
	if err != nil {
		return err
	}
	defer s.Close()
	bar := newProgress(m.Stderr, "ingest", "incidents", asJSON)
	res, err := s.Ingest(ctx, incs, copilot.IngestOptions{Actor: cliActor(), Progress: bar.update, Stage: bar.stage})
	bar.finish()
	res.Seconds = time.Since(start).Seconds()
	if err != nil {
		if res.Written > 0 {
			fmt.Fprintf(m.Stderr, "ingest: %d incident(s) were stored before the failure; each incident is stored whole or not at all\n", res.Written)
		}
		return err
	}
	if asJSON {
		return m.printJSON(res)
	}
	fmt.Fprintf(m.Stdout, "ingested %d incidents (%d written, %d unchanged), %d messages, %d chunks, %d tickets in %.2fs\n",
		res.Incidents, res.Written, res.Unchanged, res.Messages, res.Chunks, res.Tickets, res.Seconds)
	return nil
}

// reportSkipped names the Slack channels the pattern left out and the flag that
// would pick them: an export of general-purpose channels otherwise stores nothing
// in silence.
func (m *Main) reportSkipped(names []string, pattern string) {
	if len(names) == 0 {
		return
	}
	const show = 8
	list := strings.Join(names[:min(len(names), show)], ", ")
	if len(names) > show {
		list += fmt.Sprintf(", … (%d more)", len(names)-show)
	}
	noun := "channels that do not"
	if len(names) == 1 {
		noun = "channel that does not"
	}
	fmt.Fprintf(m.Stderr, "ingest: skipped %d %s match --channel-pattern '%s': %s\n", len(names), noun, pattern, list)
}

func (m *Main) ingestRunbooks(ctx context.Context, dirs []string, asJSON bool) error {
	start := time.Now()
	var all []*copilot.Runbook
	for _, d := range dirs {
		rbs, err := transcript.ReadRunbooks(d)
		if err != nil {
			return err
		}
		all = append(all, rbs...)
	}
	s, _, err := m.open(ctx)
	if err != nil {
		return err
	}
	defer s.Close()
	res, err := s.IngestRunbooks(ctx, all)
	if err != nil {
		return err
	}
	res.Seconds = time.Since(start).Seconds()
	if asJSON {
		return m.printJSON(res)
	}
	fmt.Fprintf(m.Stdout, "ingested %d runbooks (%d written, %d unchanged) in %.2fs\n", res.Runbooks, res.Written, res.Unchanged, res.Seconds)
	return nil
}

// progress draws a bar on a terminal and, elsewhere (logs, CI), a line every
// interval: the interval counts from the last line printed, so a steady stream of
// updates still produces a line every few seconds.
type progress struct {
	w           io.Writer
	label, unit string
	tty, quiet  bool
	interval    time.Duration
	now         func() time.Time

	start, last time.Time
	drawn       bool
}

// progressInterval is how often a line is printed when stderr is not a terminal.
const progressInterval = 5 * time.Second

func newProgress(w io.Writer, label, unit string, quiet bool) *progress {
	p := &progress{w: w, label: label, unit: unit, quiet: quiet, interval: progressInterval, now: time.Now}
	if f, ok := w.(*os.File); ok && term.IsTerminal(int(f.Fd())) {
		p.tty = true
	}
	p.start = p.now()
	p.last = p.start
	return p
}

func (p *progress) update(done, total int) {
	if p.quiet || total == 0 {
		return
	}
	now := p.now()
	if p.tty {
		if now.Sub(p.last) < 100*time.Millisecond && done < total && p.drawn {
			return
		}
		const width = 30
		fill := width * min(done, total) / total
		fmt.Fprintf(p.w, "\r%s [%s%s] %d/%d %s", p.label, strings.Repeat("#", fill), strings.Repeat(".", width-fill), done, total, p.unit)
		p.drawn = true
		p.last = now
		return
	}
	if now.Sub(p.last) < p.interval {
		return
	}
	fmt.Fprintf(p.w, "%s: %d/%d %s (%d%%), %s elapsed\n", p.label, done, total, p.unit, 100*done/total, now.Sub(p.start).Round(time.Second))
	p.last = now
}

// stage announces a long step on its own line, whatever the output is.
func (p *progress) stage(name string, total int) {
	if p.quiet {
		return
	}
	if p.drawn {
		fmt.Fprintln(p.w)
		p.drawn = false
	}
	fmt.Fprintf(p.w, "%s: %s (%d)\n", p.label, name, total)
}

func (p *progress) finish() {
	if p.drawn {
		fmt.Fprintln(p.w)
	}
}
