package transcript

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/incidentcopilot/incident-copilot/copilot"
)

// jsonPath is a path into a JSON value: string elements are object keys, int elements
// array indexes.
type jsonPath []any

func (p jsonPath) String() string {
	var b strings.Builder
	for _, e := range p {
		switch e := e.(type) {
		case string:
			if b.Len() > 0 {
				b.WriteByte('.')
			}
			b.WriteString(e)
		case int:
			b.WriteString("[" + strconv.Itoa(e) + "]")
		}
	}
	return b.String()
}

func (p jsonPath) add(e any) jsonPath {
	q := make(jsonPath, len(p), len(p)+1)
	copy(q, p)
	return append(q, e)
}

// skipSep moves off past whitespace and the separators a json.Decoder leaves behind,
// so an offset points at the first byte of the next value or key.
func skipSep(data []byte, off int) int {
	for off < len(data) {
		switch data[off] {
		case ' ', '\t', '\r', '\n', ',', ':':
			off++
		default:
			return off
		}
	}
	return off
}

// pathOffset finds where the value (or key) at path starts in raw, for error messages.
// It returns the deepest position it could reach when the path does not exist.
func pathOffset(raw []byte, path jsonPath) int {
	dec := json.NewDecoder(bytes.NewReader(raw))
	off := skipSep(raw, 0)
	for _, elem := range path {
		tok, err := dec.Token()
		if err != nil {
			return off
		}
		found := false
		switch want := elem.(type) {
		case string:
			if tok != json.Delim('{') {
				return off
			}
			for dec.More() {
				start := skipSep(raw, int(dec.InputOffset()))
				kt, err := dec.Token()
				if err != nil {
					return off
				}
				if k, _ := kt.(string); k == want {
					off, found = start, true
					break
				}
				var skip json.RawMessage
				if dec.Decode(&skip) != nil {
					return off
				}
			}
		case int:
			if tok != json.Delim('[') {
				return off
			}
			for i := 0; dec.More(); i++ {
				start := skipSep(raw, int(dec.InputOffset()))
				if i == want {
					off, found = start, true
					break
				}
				var skip json.RawMessage
				if dec.Decode(&skip) != nil {
					return off
				}
			}
		}
		if !found {
			return off
		}
	}
	return off
}

// jsonErr turns a decoding error into a user-facing message naming name, the line
// (and column for syntax errors); base is where the decoded bytes start in data.
func jsonErr(name string, data []byte, base int, err error) error {
	var syn *json.SyntaxError
	var typ *json.UnmarshalTypeError
	switch {
	case errors.As(err, &syn):
		// Offset counts the offending byte itself; point at it.
		line, col := lineCol(data, base+max(int(syn.Offset)-1, 0))
		return invalidf("%s:%d:%d: JSON syntax error: %s", name, line, col, syn.Error())
	case errors.As(err, &typ):
		line, _ := lineCol(data, base+int(typ.Offset))
		field := typ.Field
		if field == "" {
			field = "value"
		}
		return invalidf("%s:%d: %s: must be %s, not %s", name, line, field, jsonKind(typ.Type.Kind().String()), typ.Value)
	case errors.Is(err, io.ErrUnexpectedEOF), errors.Is(err, io.EOF):
		line, col := lineCol(data, len(data))
		return invalidf("%s:%d:%d: JSON syntax error: unexpected end of input", name, line, col)
	}
	return invalidf("%s: invalid JSON: %v", name, err)
}

func jsonKind(k string) string {
	switch k {
	case "string":
		return "a string"
	case "slice", "array":
		return "an array"
	case "struct", "map":
		return "an object"
	case "bool":
		return "a boolean"
	case "int", "int64", "float64", "int32", "uint", "uint64":
		return "a number"
	}
	return fmt.Sprintf("a %s", k)
}

// topValue is one top-level JSON value of a file and where it starts.
type topValue struct {
	raw  json.RawMessage
	base int
}

// splitTopValues reads a JSON object, an array of objects, or a stream of values
// (JSONL), returning each object with its offset in data.
func splitTopValues(name string, data []byte) ([]topValue, error) {
	var out []topValue
	dec := json.NewDecoder(bytes.NewReader(data))
	for {
		start := skipSep(data, int(dec.InputOffset()))
		if start >= len(data) {
			return out, nil
		}
		switch data[start] {
		case '[':
			if _, err := dec.Token(); err != nil {
				return nil, syntaxAt(name, data, start, err)
			}
			for dec.More() {
				elem := skipSep(data, int(dec.InputOffset()))
				var raw json.RawMessage
				if err := dec.Decode(&raw); err != nil {
					return nil, syntaxAt(name, data, start, err)
				}
				out = append(out, topValue{raw: raw, base: elem})
			}
			if _, err := dec.Token(); err != nil {
				return nil, syntaxAt(name, data, start, err)
			}
		case '{':
			var raw json.RawMessage
			if err := dec.Decode(&raw); err != nil {
				return nil, syntaxAt(name, data, start, err)
			}
			out = append(out, topValue{raw: raw, base: start})
		default:
			line, col := lineCol(data, start)
			return nil, invalidf("%s:%d:%d: expected a JSON object or array", name, line, col)
		}
	}
}

// syntaxAt reports a decoding error of the value starting at start. A streaming
// Decoder's error offsets depend on its internal state, so the value is decoded again
// on its own to locate the error reliably.
func syntaxAt(name string, data []byte, start int, err error) error {
	var raw json.RawMessage
	if err2 := json.NewDecoder(bytes.NewReader(data[start:])).Decode(&raw); err2 != nil {
		err = err2
	}
	return jsonErr(name, data, start, err)
}

// pathAt returns the path of the key or value holding byte off of data, a JSON value
// or a stream of them (the stream index is left out). It is the reverse of
// pathOffset, for problems found in the raw bytes (invalid UTF-8) that the decoder
// would hide. A path that cannot be followed (a syntax error) ends where it broke.
func pathAt(data []byte, off int) jsonPath {
	type frame struct {
		obj     bool
		key     string
		idx     int
		wantKey bool
	}
	var stack []*frame
	path := func() jsonPath {
		var p jsonPath
		for _, f := range stack {
			switch {
			case f.obj && f.key != "":
				p = append(p, f.key)
			case !f.obj && f.idx >= 0:
				p = append(p, f.idx)
			}
		}
		return p
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	for {
		start := skipSep(data, int(dec.InputOffset()))
		if start > off {
			return path()
		}
		tok, err := dec.Token()
		if err != nil {
			return path()
		}
		end := int(dec.InputOffset())
		var top *frame
		if len(stack) > 0 {
			top = stack[len(stack)-1]
		}
		if tok == json.Delim('}') || tok == json.Delim(']') {
			if len(stack) > 0 {
				stack = stack[:len(stack)-1]
			}
			continue
		}
		if top != nil && top.obj && top.wantKey {
			top.key, _ = tok.(string)
			top.wantKey = false
			if off < end {
				return path()
			}
			continue
		}
		if top != nil {
			if top.obj {
				top.wantKey = true
			} else {
				top.idx++
			}
		}
		switch tok {
		case json.Delim('{'):
			stack = append(stack, &frame{obj: true, wantKey: true})
		case json.Delim('['):
			stack = append(stack, &frame{idx: -1})
		default:
			if off < end {
				return path()
			}
		}
	}
}

// checkJSONUTF8 names the line, column and field of the first invalid UTF-8 byte of a
// JSON file: Go's JSON decoder would quietly turn it into U+FFFD and the stored
// transcript would no longer match its source.
func checkJSONUTF8(name string, data []byte) error {
	off := invalidUTF8At(data)
	if off < 0 {
		return nil
	}
	line, col := lineCol(data, off)
	if p := pathAt(data, off); len(p) > 0 {
		return invalidf("%s:%d:%d: %s: invalid UTF-8", name, line, col, p)
	}
	return invalidf("%s:%d:%d: invalid UTF-8", name, line, col)
}

// lostSurrogate reports whether decoded, the string the JSON value src decodes to,
// holds more U+FFFD than src wrote, literally or as \ufffd: encoding/json turns a lone
// UTF-16 surrogate escape ("\ud800") into U+FFFD without a word, which would store a
// character the author never wrote.
func lostSurrogate(src []byte, decoded string) bool {
	if !strings.ContainsRune(decoded, '\uFFFD') {
		return false
	}
	return strings.Count(decoded, "\uFFFD") > bytes.Count(src, []byte("\uFFFD"))+bytes.Count(bytes.ToLower(src), []byte(`\ufffd`))
}

// rawAt returns the JSON value at path in raw (the last of duplicate keys, as
// encoding/json decodes them).
func rawAt(raw []byte, path jsonPath) (json.RawMessage, bool) {
	cur := json.RawMessage(raw)
	for _, elem := range path {
		switch k := elem.(type) {
		case string:
			var m map[string]json.RawMessage
			if json.Unmarshal(cur, &m) != nil {
				return nil, false
			}
			v, ok := m[k]
			if !ok {
				return nil, false
			}
			cur = v
		case int:
			var a []json.RawMessage
			if json.Unmarshal(cur, &a) != nil || k < 0 || k >= len(a) {
				return nil, false
			}
			cur = a[k]
		default:
			return nil, false
		}
	}
	return cur, true
}

// errLoneSurrogate is the complaint about a value lostSurrogate caught.
const errLoneSurrogate = "holds a \\u escape that is not a character (a lone UTF-16 surrogate)"

// checkDecoded is copilot.CheckText for s, decoded from the value at path in raw,
// plus the lone-surrogate check. where names the value for the error; it is called
// only when there is one, since finding a line costs a parse.
func checkDecoded(where func() string, raw []byte, path jsonPath, s string) error {
	if copilot.CheckText("", s) != nil {
		return copilot.CheckText(where(), s)
	}
	if strings.ContainsRune(s, '\uFFFD') {
		if src, ok := rawAt(raw, path); ok && lostSurrogate(src, s) {
			return invalidf("%s: %s", where(), errLoneSurrogate)
		}
	}
	return nil
}
