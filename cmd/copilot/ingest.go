package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"golang.org/x/term"

	"incidentcopilot/copilot"
	"incidentcopilot/copilot/transcript"
)

func (m *Main) ingest(ctx context.Context, args []string) error {
	fs := m.flagSet("ingest")
	asJSON := fs.Bool("json", false, "print the counts as JSON")
	pattern := fs.String("channel-pattern", "^inc[-_]", "Slack channels whose name matches this regexp become incidents")
	paths, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	if len(paths) > 0 && paths[0] == "runbooks" {
		return m.ingestRunbooks(ctx, paths[1:], *asJSON)
	}
	if len(paths) == 0 {
		fmt.Fprintln(m.Stderr, "usage: copilot ingest [--json] [--channel-pattern RE] PATH...\n       copilot ingest runbooks DIR")
		return errUsage
	}

	// Everything is parsed before anything is written: a bad file stops the ingest
	// with nothing stored.
	start := time.Now()
	incs, err := transcript.Read(paths, transcript.Options{ChannelPattern: *pattern})
	if err != nil {
		return err
	}
	s, _, err := m.open(ctx)
	if err != nil {
		return err
	}
	defer s.Close()
	bar := newProgress(m.Stderr, "ingest", *asJSON)
	res, err := s.Ingest(ctx, incs, copilot.IngestOptions{Actor: cliActor(), Progress: bar.update})
	bar.finish()
	res.Seconds = time.Since(start).Seconds()
	if err != nil {
		if res.Written > 0 {
			fmt.Fprintf(m.Stderr, "ingest: %d incident(s) were stored before the failure; each incident is stored whole or not at all\n", res.Written)
		}
		return err
	}
	if *asJSON {
		return m.printJSON(res)
	}
	fmt.Fprintf(m.Stdout, "ingested %d incidents (%d written, %d unchanged), %d messages, %d chunks, %d tickets in %.2fs\n",
		res.Incidents, res.Written, res.Unchanged, res.Messages, res.Chunks, res.Tickets, res.Seconds)
	return nil
}

func (m *Main) ingestRunbooks(ctx context.Context, dirs []string, asJSON bool) error {
	if len(dirs) == 0 {
		fmt.Fprintln(m.Stderr, "usage: copilot ingest runbooks DIR...")
		return errUsage
	}
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

// progress draws a bar on a terminal and a line every few seconds elsewhere.
type progress struct {
	w        io.Writer
	label    string
	tty      bool
	quiet    bool
	last     time.Time
	drawn    bool
	lastDone int
}

func newProgress(w io.Writer, label string, quiet bool) *progress {
	p := &progress{w: w, label: label, quiet: quiet, last: time.Now()}
	if f, ok := w.(*os.File); ok && term.IsTerminal(int(f.Fd())) {
		p.tty = true
	}
	return p
}

func (p *progress) update(done, total int) {
	if p.quiet || total == 0 {
		return
	}
	p.lastDone = done
	now := time.Now()
	if p.tty {
		if now.Sub(p.last) < 50*time.Millisecond && done < total {
			return
		}
		const width = 30
		fill := width * done / total
		fmt.Fprintf(p.w, "\r%s [%s%s] %d/%d incidents", p.label, strings.Repeat("#", fill), strings.Repeat(".", width-fill), done, total)
		p.drawn = true
	} else if now.Sub(p.last) >= 2*time.Second {
		fmt.Fprintf(p.w, "%s: %d/%d incidents\n", p.label, done, total)
	}
	p.last = now
}

func (p *progress) finish() {
	if p.drawn {
		fmt.Fprintln(p.w)
	}
}
