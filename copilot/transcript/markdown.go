package transcript

import (
	"bytes"
	"regexp"
	"strings"
	"unicode"

	"github.com/yuin/goldmark"
	gast "github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// mdBlock is one block of a Markdown document as the postmortem and runbook readers
// need it. Text is plain: inline markup is gone, links read "text (url)".
type mdBlock struct {
	kind    string     // "heading", "para", "item", "row", "code"
	level   int        // heading level; list nesting depth (0 = top) for items
	text    string     // the block's plain text, on one line (code keeps its lines)
	lines   []string   // the lines of a paragraph or item as written
	cells   []string   // table cells for rows
	header  bool       // a table header row
	headers []string   // the header cells of the table a row belongs to
	links   []string   // link destinations in the block (per cell: cellLinks)
	cellLnk [][]string // link destinations in each cell of a row
	task    int        // list items: 0 no checkbox, 1 "[ ]", 2 "[x]"
	struck  bool       // the whole item or row is struck through (~~done~~)
	// cellStk: rows, whether each cell is struck through as a whole; the item's
	// cell struck says the item is, whatever its owner or status cells hold.
	cellStk []bool
}

// mdParser reads GitHub-flavoured Markdown: tables, strikethrough, task lists, bare
// links and footnotes, besides CommonMark (setext headings, HTML comments, code,
// nested lists).
var mdParser = goldmark.New(goldmark.WithExtensions(extension.GFM, extension.Footnote))

var (
	// Hugo shortcodes ({{< ref "x.md" >}}) point inside the site: a link to one keeps
	// its text, a bare one goes.
	shortLink = regexp.MustCompile(`\[([^\]\n]*)\]\(\s*\{\{[<%].*?[>%]\}\}\s*\)`)
	shortcode = regexp.MustCompile(`\{\{[<%].*?[>%]\}\}`)
	// htmlTagRE lists the tags that are markup; anything else in angle brackets is a
	// placeholder such as <namespace> and stays as text.
	htmlTagRE = regexp.MustCompile(`(?i)^</?(?:details|summary|br|p|div|span|b|i|em|strong|code|pre|sup|sub|img|a|ul|ol|li|table|thead|tbody|tr|td|th|hr|kbd|u|s|del|ins|center|font|small|big|h[1-6])(?:\s[^<>]*)?/?>$`)
	anyTagRE  = regexp.MustCompile(`<[^<>]*>`)
	spaceRE   = regexp.MustCompile(`[ \t]+`)
	tagGapRE  = regexp.MustCompile("[\uE000 \t]*\uE000[\uE000 \t]*([.,;:!?)]|$)")
)

// parseMarkdown splits a document into blocks in document order. List items carry
// their own paragraphs; their nested lists follow as items one level deeper.
func parseMarkdown(src string) []mdBlock {
	src = strings.ReplaceAll(src, "\r\n", "\n")
	src = strings.ReplaceAll(src, "\r", "\n")
	src = stripFrontMatter(src)
	src = shortLink.ReplaceAllString(src, "$1")
	src = shortcode.ReplaceAllString(src, "")
	source := []byte(src)
	doc := mdParser.Parser().Parse(text.NewReader(source))
	w := &mdWalker{src: source}
	w.blocks(doc, 0)
	return w.out
}

type mdWalker struct {
	src []byte
	out []mdBlock
}

// blocks emits the block children of n; depth is the list nesting of n's items.
func (w *mdWalker) blocks(n gast.Node, depth int) {
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		w.block(c, depth)
	}
}

func (w *mdWalker) block(c gast.Node, depth int) {
	switch c := c.(type) {
	case *gast.Heading:
		w.out = append(w.out, mdBlock{kind: "heading", level: c.Level, text: oneLine(w.inline(c))})
	case *gast.Paragraph, *gast.TextBlock:
		w.para(c)
	case *gast.FencedCodeBlock, *gast.CodeBlock:
		if t := strings.TrimSpace(string(c.Lines().Value(w.src))); t != "" {
			w.out = append(w.out, mdBlock{kind: "code", text: t})
		}
	case *gast.HTMLBlock:
		w.html(c)
	case *gast.List:
		for it := c.FirstChild(); it != nil; it = it.NextSibling() {
			w.item(it, depth)
		}
	case *east.Table:
		w.table(c)
	case *gast.ThematicBreak:
	default: // blockquotes and anything else: their contents count
		w.blocks(c, depth)
	}
}

func (w *mdWalker) para(n gast.Node) {
	s := w.inline(n)
	lines := splitLines(s)
	if len(lines) == 0 {
		return
	}
	if h, ok := w.pseudoHeading(n, lines[0]); ok {
		w.out = append(w.out, mdBlock{kind: "heading", level: 2, text: h})
		if lines = lines[1:]; len(lines) == 0 {
			return
		}
	}
	w.out = append(w.out, mdBlock{kind: "para", text: strings.Join(lines, " "), lines: lines, links: w.links(n)})
}

// boldLineRE: a source line that is bold and nothing else ("**Root cause**",
// "__What went wrong and why?__"). With a colon ("**Impact:**", "**What
// happened?**:") it is an inline label, read with the text that follows it.
var boldLineRE = regexp.MustCompile(`^(?:\*\*|__)([^*_:\n]{2,80}?)(?:\*\*|__)\s*$`)

// pseudoHeading reads the first line of a paragraph as a heading when it is written
// as one without Markdown's '#': a line in bold and nothing else, or a short line in
// capitals ("ROOT CAUSE", "REMEDIATION AND PREVENTION"), as reports pasted from status
// pages, wikis and e-mail are. The rest of the paragraph is its first paragraph.
func (w *mdWalker) pseudoHeading(n gast.Node, first string) (string, bool) {
	if n.Lines().Len() > 0 {
		seg := n.Lines().At(0)
		if m := boldLineRE.FindStringSubmatch(strings.TrimSpace(string(seg.Value(w.src)))); m != nil {
			return strings.TrimSpace(oneLine(m[1])), true
		}
	}
	if capsHeading(first) {
		return strings.TrimRight(first, ":"), true
	}
	return "", false
}

// capsHeading reports whether a line is a heading in capitals: at most eight words
// and 60 characters, no lower-case letter, a word of three letters or more, and no
// sentence end. "SEV1" or "INC-2041" alone are not headings.
func capsHeading(l string) bool {
	if len(l) > 60 || len(strings.Fields(l)) > 8 || strings.HasSuffix(l, ".") || strings.HasSuffix(l, "!") {
		return false
	}
	word := false
	for _, f := range strings.Fields(l) {
		f = strings.TrimFunc(f, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
		letters := true
		for _, r := range f {
			if unicode.IsLower(r) {
				return false
			}
			letters = letters && unicode.IsLetter(r)
		}
		word = word || (letters && len(f) >= 3)
	}
	return word
}

// html keeps the text of an HTML block (<details>…) without its tags; comments go.
func (w *mdWalker) html(n *gast.HTMLBlock) {
	if n.HTMLBlockType == gast.HTMLBlockType2 {
		return
	}
	var lines []string
	for _, l := range splitLines(string(n.Lines().Value(w.src))) {
		l = strings.TrimSpace(spaceRE.ReplaceAllString(anyTagRE.ReplaceAllStringFunc(l, tagOrText), " "))
		if l != "" {
			lines = append(lines, l)
		}
	}
	if len(lines) > 0 {
		w.out = append(w.out, mdBlock{kind: "para", text: strings.Join(lines, " "), lines: lines})
	}
}

// item emits a list item: its paragraphs make its text; nested blocks follow it.
func (w *mdWalker) item(it gast.Node, depth int) {
	blk := mdBlock{kind: "item", level: depth}
	var parts []string
	var rest []gast.Node
	first := true
	for c := it.FirstChild(); c != nil; c = c.NextSibling() {
		switch c.(type) {
		case *gast.Paragraph, *gast.TextBlock:
			if first {
				blk.task, blk.struck = itemMarks(c, w.src)
				first = false
			}
			if s := w.inline(c); strings.TrimSpace(s) != "" {
				parts = append(parts, splitLines(s)...)
			}
			blk.links = append(blk.links, w.links(c)...)
		default:
			first = false
			rest = append(rest, c)
		}
	}
	blk.lines = parts
	blk.text = strings.Join(parts, " ")
	w.out = append(w.out, blk)
	for _, c := range rest {
		w.block(c, depth+1)
	}
}

// itemMarks reads a task checkbox and whether the item's first paragraph is struck
// through as a whole.
func itemMarks(p gast.Node, src []byte) (task int, struck bool) {
	sawStrike, other := false, false
	for c := p.FirstChild(); c != nil; c = c.NextSibling() {
		switch c := c.(type) {
		case *east.TaskCheckBox:
			task = 1
			if c.IsChecked {
				task = 2
			}
		case *east.Strikethrough:
			sawStrike = true
		case *gast.Text:
			// whitespace between marks does not count
			if len(bytes.TrimSpace(c.Segment.Value(src))) > 0 {
				other = true
			}
		default:
			other = true
		}
	}
	return task, sawStrike && !other
}

func (w *mdWalker) table(t *east.Table) {
	var headers []string
	for r := t.FirstChild(); r != nil; r = r.NextSibling() {
		_, isHeader := r.(*east.TableHeader)
		var cells []string
		var lnk [][]string
		struck, other := false, false
		var stk []bool
		for c := r.FirstChild(); c != nil; c = c.NextSibling() {
			cells = append(cells, oneLine(w.inline(c)))
			lnk = append(lnk, w.links(c))
			s, o := cellStruck(c, w.src)
			stk = append(stk, s)
			if s {
				struck = true
			} else if o {
				other = true
			}
		}
		if isHeader {
			headers = cells
		}
		var links []string
		for _, l := range lnk {
			links = append(links, l...)
		}
		w.out = append(w.out, mdBlock{kind: "row", cells: cells, header: isHeader, headers: headers,
			links: links, cellLnk: lnk, struck: struck && !other, cellStk: stk})
	}
}

// cellStruck reports whether a cell is struck through as a whole (struck) or holds
// other text (other); an empty cell is neither.
func cellStruck(c gast.Node, src []byte) (struck, other bool) {
	for n := c.FirstChild(); n != nil; n = n.NextSibling() {
		switch n := n.(type) {
		case *east.Strikethrough:
			struck = true
		case *gast.Text:
			if len(bytes.TrimSpace(n.Segment.Value(src))) > 0 {
				other = true
			}
		default:
			other = true
		}
	}
	return struck && !other, other
}

// links lists the link destinations under n, bare links included.
func (w *mdWalker) links(n gast.Node) []string {
	var out []string
	_ = gast.Walk(n, func(c gast.Node, entering bool) (gast.WalkStatus, error) {
		if !entering {
			return gast.WalkContinue, nil
		}
		switch c := c.(type) {
		case *gast.Link:
			out = append(out, string(c.Destination))
		case *gast.AutoLink:
			out = append(out, string(c.URL(w.src)))
		}
		return gast.WalkContinue, nil
	})
	return out
}

// inline renders the inline content of n as plain text; soft and hard line breaks
// become "\n".
func (w *mdWalker) inline(n gast.Node) string {
	var b strings.Builder
	w.inlineTo(&b, n)
	return b.String()
}

func (w *mdWalker) inlineTo(b *strings.Builder, n gast.Node) {
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		switch c := c.(type) {
		case *gast.Text:
			v := c.Segment.Value(w.src)
			if !c.IsRaw() {
				v = util.ResolveEntityNames(util.ResolveNumericReferences(util.UnescapePunctuations(v)))
			}
			b.Write(v)
			if c.SoftLineBreak() || c.HardLineBreak() {
				b.WriteByte('\n')
			}
		case *gast.String:
			b.Write(c.Value)
		case *gast.CodeSpan:
			for t := c.FirstChild(); t != nil; t = t.NextSibling() {
				if s, ok := t.(*gast.Text); ok {
					b.Write(s.Segment.Value(w.src))
				} else if s, ok := t.(*gast.String); ok {
					b.Write(s.Value)
				}
			}
		case *gast.Link:
			label := strings.TrimSpace(oneLine(w.inline(c)))
			b.WriteString(linkText(label, string(c.Destination)))
		case *gast.AutoLink:
			b.Write(c.Label(w.src))
		case *gast.Image:
			w.inlineTo(b, c)
		case *gast.RawHTML:
			var raw []byte
			for i := 0; i < c.Segments.Len(); i++ {
				s := c.Segments.At(i)
				raw = append(raw, s.Value(w.src)...)
			}
			if r := string(raw); !strings.HasPrefix(r, "<!--") && !htmlTagRE.MatchString(r) {
				b.WriteString(r) // a placeholder such as <namespace>
			} else if !strings.HasPrefix(r, "<!--") {
				b.WriteString(tagMark)
			}
		case *east.TaskCheckBox:
			// read by itemMarks
		default: // emphasis, strikethrough and anything else: their text
			w.inlineTo(b, c)
		}
	}
}

// linkText writes a link as its text, with the URL when it leaves the repository.
func linkText(label, url string) string {
	if !strings.Contains(url, "://") && !strings.HasPrefix(url, "mailto:") {
		return label
	}
	if label == "" || label == url || label == bareURL(url) {
		return url
	}
	return label + " (" + url + ")"
}

// tagOrText drops an HTML tag and keeps a placeholder such as <namespace>.
func tagOrText(s string) string {
	if htmlTagRE.MatchString(s) || strings.HasPrefix(s, "<!--") {
		return tagMark
	}
	return s
}

// splitLines splits rendered text into trimmed, non-empty lines with single spaces.
func splitLines(s string) []string {
	var out []string
	for _, l := range strings.Split(s, "\n") {
		// A removed tag is a space, or nothing before punctuation.
		l = strings.ReplaceAll(tagGapRE.ReplaceAllString(l, "$1"), tagMark, " ")
		if l = strings.TrimSpace(spaceRE.ReplaceAllString(l, " ")); l != "" {
			out = append(out, l)
		}
	}
	return out
}

// tagMark stands for a removed HTML tag until splitLines decides on a space.
const tagMark = "\uE000"

func oneLine(s string) string { return strings.Join(splitLines(s), " ") }

// stripFrontMatter removes a leading YAML block (Hugo sites such as the runbooks use it).
func stripFrontMatter(src string) string {
	if !strings.HasPrefix(src, "---\n") {
		return src
	}
	if end := strings.Index(src[4:], "\n---"); end >= 0 {
		rest := src[4+end+4:]
		if nl := strings.IndexByte(rest, '\n'); nl >= 0 {
			return rest[nl+1:]
		}
		return ""
	}
	return src
}
