// Command listts prints the messages the transcript reader makes of each file it
// is given, one per line: ts, user and text. A writer labelling a new dev set
// uses it to find the ts the reader gives each piece of a Markdown postmortem
// (paragraphs, list items, table rows) and the incident id it derives:
//
//	go run ./evals/writers/listts evals/testdata/dev29/postmortems/a-pm-x.md
package main

import (
	"fmt"
	"os"

	"github.com/incidentcopilot/incident-copilot/copilot/transcript"
)

func main() {
	if len(os.Args) < 2 {
		fmt.Fprintln(os.Stderr, "usage: listts FILE...")
		os.Exit(64)
	}
	incs, err := transcript.Read(os.Args[1:], transcript.Options{})
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	for _, inc := range incs {
		fmt.Printf("== %s\n", inc.ID)
		for _, m := range inc.Messages {
			fmt.Printf("%s\t%s\t%s\n", m.TS, m.User, m.Text)
		}
	}
}
