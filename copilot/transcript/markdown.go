package transcript

import (
	"html"
	"regexp"
	"strings"
)

// mdBlock is one block of a Markdown document as the postmortem reader needs it.
type mdBlock struct {
	kind   string   // "heading", "para", "item", "row", "code"
	level  int      // heading level; list nesting depth (0 = top) for items
	text   string   // the block's text, inline markup kept (cleanInline removes it)
	lines  []string // the source lines of a paragraph or item
	cells  []string // table cells for rows
	header bool     // a table header row (followed by a |---| separator)
}

var (
	headingRE   = regexp.MustCompile(`^ {0,3}(#{1,6})(?:[ \t]+(.*?))?[ \t#]*$`)
	itemRE      = regexp.MustCompile(`^([ \t]*)(?:[-*+]|[0-9]{1,9}[.)])(?:[ \t]+(.*))?$`)
	separatorRE = regexp.MustCompile(`^\s*\|?\s*:?-{1,}:?\s*(\|\s*:?-{1,}:?\s*)*\|?\s*$`)
	refDefRE    = regexp.MustCompile(`^ {0,3}\[[^\]]+\]:\s*\S`)
	ruleRE      = regexp.MustCompile(`^ {0,3}(?:(?:-[ \t]*){3,}|(?:\*[ \t]*){3,}|(?:_[ \t]*){3,})$`)
	fenceRE     = regexp.MustCompile("^ {0,3}(```+|~~~+)")
)

// parseMarkdown splits a document into blocks. It is deliberately small: it knows the
// block forms postmortems and runbooks use (ATX headings, paragraphs, nested lists,
// pipe tables, fenced code, quotes) and reads anything else as paragraph text.
func parseMarkdown(src string) []mdBlock {
	src = strings.ReplaceAll(src, "\r\n", "\n")
	src = strings.ReplaceAll(src, "\r", "\n")
	lines := strings.Split(stripFrontMatter(src), "\n")
	var blocks []mdBlock
	var para []string
	var item *mdBlock
	var itemIndent []int // indents of open list levels
	flush := func() {
		if item != nil {
			blocks = append(blocks, *item)
			item = nil
		}
		if len(para) > 0 {
			blocks = append(blocks, mdBlock{kind: "para", text: strings.Join(para, " "), lines: para})
			para = nil
		}
	}
	inComment := false
	for i := 0; i < len(lines); i++ {
		line := lines[i]
		trimmed := strings.TrimSpace(line)
		if inComment {
			if strings.Contains(line, "-->") {
				inComment = false
			}
			continue
		}
		if strings.HasPrefix(trimmed, "<!--") {
			flush()
			inComment = !strings.Contains(trimmed, "-->")
			continue
		}
		if m := fenceRE.FindStringSubmatch(line); m != nil {
			flush()
			fence := m[1]
			var code []string
			for i++; i < len(lines); i++ {
				if strings.HasPrefix(strings.TrimSpace(lines[i]), fence[:3]) {
					break
				}
				code = append(code, lines[i])
			}
			if c := strings.TrimSpace(strings.Join(code, "\n")); c != "" {
				blocks = append(blocks, mdBlock{kind: "code", text: c})
			}
			continue
		}
		if trimmed == "" {
			// A blank line ends a paragraph but not a list: loose lists separate
			// their items with blank lines.
			flush()
			continue
		}
		if m := headingRE.FindStringSubmatch(line); m != nil {
			flush()
			itemIndent = nil
			blocks = append(blocks, mdBlock{kind: "heading", level: len(m[1]), text: strings.TrimSpace(m[2])})
			continue
		}
		if ruleRE.MatchString(line) || refDefRE.MatchString(line) {
			flush()
			continue
		}
		if strings.HasPrefix(trimmed, "|") {
			flush()
			if separatorRE.MatchString(trimmed) {
				continue
			}
			header := i+1 < len(lines) && strings.Contains(lines[i+1], "-") && separatorRE.MatchString(strings.TrimSpace(lines[i+1]))
			blocks = append(blocks, mdBlock{kind: "row", cells: splitRow(trimmed), header: header})
			continue
		}
		if m := itemRE.FindStringSubmatch(line); m != nil && !ruleRE.MatchString(line) {
			flush()
			indent := len(strings.ReplaceAll(m[1], "\t", "    "))
			for len(itemIndent) > 0 && itemIndent[len(itemIndent)-1] > indent {
				itemIndent = itemIndent[:len(itemIndent)-1]
			}
			if len(itemIndent) == 0 || itemIndent[len(itemIndent)-1] < indent {
				itemIndent = append(itemIndent, indent)
			}
			item = &mdBlock{kind: "item", level: len(itemIndent) - 1, text: m[2], lines: []string{m[2]}}
			continue
		}
		if strings.HasPrefix(trimmed, ">") {
			trimmed = strings.TrimSpace(strings.TrimLeft(trimmed, "> "))
			if trimmed == "" {
				flush()
				continue
			}
		}
		if item != nil {
			// A lazy continuation line of the list item.
			item.text += " " + trimmed
			item.lines = append(item.lines, trimmed)
			continue
		}
		if line[0] != ' ' && line[0] != '\t' {
			itemIndent = nil
		}
		para = append(para, trimmed)
	}
	flush()
	return blocks
}

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

// splitRow splits a pipe-table row into trimmed cells; "\|" stays inside a cell.
func splitRow(row string) []string {
	row = strings.TrimSpace(row)
	row = strings.TrimPrefix(row, "|")
	if strings.HasSuffix(row, "|") && !strings.HasSuffix(row, `\|`) {
		row = row[:len(row)-1]
	}
	var cells []string
	var cur strings.Builder
	for i := 0; i < len(row); i++ {
		if row[i] == '\\' && i+1 < len(row) && row[i+1] == '|' {
			cur.WriteByte('|')
			i++
			continue
		}
		if row[i] == '|' {
			cells = append(cells, strings.TrimSpace(cur.String()))
			cur.Reset()
			continue
		}
		cur.WriteByte(row[i])
	}
	return append(cells, strings.TrimSpace(cur.String()))
}

var (
	shortLink  = regexp.MustCompile(`\[([^\]]*)\]\(\s*\{\{[<%].*?[>%]\}\}\s*\)`)
	shortcode  = regexp.MustCompile(`\{\{[<%].*?[>%]\}\}`)
	imageRE    = regexp.MustCompile(`!\[([^\]]*)\]\([^)]*\)`)
	linkRE     = regexp.MustCompile(`\[([^\]]*)\]\(\s*<?([^)\s>]*)>?(?:\s+"[^"]*")?\s*\)`)
	refLinkRE  = regexp.MustCompile(`\[([^\]]+)\]\[[^\]]*\]`)
	autoLinkRE = regexp.MustCompile(`<((?:https?|mailto|ftp):[^>\s]+)>`)
	htmlTagRE  = regexp.MustCompile(`(?i)</?(?:details|summary|br|p|div|span|b|i|em|strong|code|pre|sup|sub|img|a|ul|ol|li|table|thead|tbody|tr|td|th|hr|kbd|u|s|del|ins|center|font|small|big|h[1-6])(?:\s[^<>]*)?/?>`)
	strongRE   = regexp.MustCompile(`(\*\*|__)([^*_]|[^*_].*?[^*_])(\*\*|__)`)
	strikeRE   = regexp.MustCompile(`~~(.+?)~~`)
	emStarRE   = regexp.MustCompile(`(^|[^\w*])\*([^*\s](?:[^*]*[^*\s])?)\*`)
	emUnderRE  = regexp.MustCompile(`(^|[^\w_])_([^_\s](?:[^_]*[^_\s])?)_($|[^\w_])`)
	codeSpanRE = regexp.MustCompile("`+([^`]*)`+")
	spaceRE    = regexp.MustCompile(`[ \t]+`)
	tagGapRE   = regexp.MustCompile("[\uE000 \t]*\uE000[\uE000 \t]*([.,;:!?)]|$)")
)

// cleanInline removes inline Markdown so the text reads as plain prose: links become
// "text (url)" (just the text for links inside the repository), emphasis and code marks
// go, HTML entities are decoded. Placeholders such as <name_of_pod> are not HTML and stay.
func cleanInline(s string) string {
	// Hugo shortcodes ({{< ref "x.md" >}}) point inside the site: keep the link text.
	s = shortLink.ReplaceAllString(s, "$1")
	s = shortcode.ReplaceAllString(s, "")
	s = imageRE.ReplaceAllString(s, "$1")
	s = linkRE.ReplaceAllStringFunc(s, func(m string) string {
		sub := linkRE.FindStringSubmatch(m)
		text, url := strings.TrimSpace(sub[1]), sub[2]
		if !strings.Contains(url, "://") && !strings.HasPrefix(url, "mailto:") {
			return text
		}
		if text == "" || text == url || text == bareURL(url) {
			return url
		}
		return text + " (" + url + ")"
	})
	s = refLinkRE.ReplaceAllString(s, "$1")
	s = autoLinkRE.ReplaceAllString(s, "$1")
	// A removed tag leaves a marker that becomes a space, or nothing before punctuation.
	s = htmlTagRE.ReplaceAllString(s, "\uE000")
	s = tagGapRE.ReplaceAllString(s, "$1")
	s = strings.ReplaceAll(s, "\uE000", " ")
	s = codeSpanRE.ReplaceAllString(s, "$1")
	s = strongRE.ReplaceAllString(s, "$2")
	s = strikeRE.ReplaceAllString(s, "$1")
	s = emStarRE.ReplaceAllString(s, "$1$2")
	s = emUnderRE.ReplaceAllString(s, "$1$2$3")
	s = html.UnescapeString(s)
	return strings.TrimSpace(spaceRE.ReplaceAllString(s, " "))
}
