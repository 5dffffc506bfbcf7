package prompts

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/incidentcopilot/incident-copilot/copilot/text"
)

// schema is the subset of JSON Schema the output schemas use. Parsing rejects any
// other keyword, so a schema can never promise the model a rule this validator does
// not enforce.
type schema struct {
	Schema               string             `json:"$schema"`
	Title                string             `json:"title"`
	Description          string             `json:"description"`
	Type                 string             `json:"type"`
	Properties           map[string]*schema `json:"properties"`
	Required             []string           `json:"required"`
	AdditionalProperties *bool              `json:"additionalProperties"`
	Items                *schema            `json:"items"`
	Enum                 []string           `json:"enum"`
	MinItems             *int               `json:"minItems"`
	MaxItems             *int               `json:"maxItems"`
	MinLength            *int               `json:"minLength"`
	MaxLength            *int               `json:"maxLength"`
	Ref                  string             `json:"$ref"`
	Defs                 map[string]*schema `json:"$defs"`

	root *schema
}

func parseSchema(b []byte) (*schema, error) {
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.DisallowUnknownFields()
	var s schema
	if err := dec.Decode(&s); err != nil {
		return nil, err
	}
	if err := s.link(&s, "$"); err != nil {
		return nil, err
	}
	return &s, nil
}

// link resolves $ref against root's $defs and checks the schema is one the validator
// understands: objects are closed, every required field is declared.
func (s *schema) link(root *schema, path string) error {
	s.root = root
	if s.Ref != "" {
		name, ok := strings.CutPrefix(s.Ref, "#/$defs/")
		if !ok || root.Defs[name] == nil {
			return fmt.Errorf("%s: unresolvable $ref %q", path, s.Ref)
		}
		return nil
	}
	switch s.Type {
	case "object":
		if s.AdditionalProperties == nil || *s.AdditionalProperties {
			return fmt.Errorf("%s: objects must set additionalProperties to false", path)
		}
		for _, r := range s.Required {
			if s.Properties[r] == nil {
				return fmt.Errorf("%s: required field %q is not declared", path, r)
			}
		}
		for name, p := range s.Properties {
			if err := p.link(root, path+"."+name); err != nil {
				return err
			}
		}
	case "array":
		if s.Items == nil {
			return fmt.Errorf("%s: arrays must declare items", path)
		}
		if err := s.Items.link(root, path+"[]"); err != nil {
			return err
		}
	case "string", "boolean", "integer", "number":
	default:
		return fmt.Errorf("%s: unsupported type %q", path, s.Type)
	}
	for name, d := range s.Defs {
		if err := d.link(root, "$defs."+name); err != nil {
			return err
		}
	}
	return nil
}

func (s *schema) resolve() *schema {
	if s.Ref != "" {
		return s.root.Defs[strings.TrimPrefix(s.Ref, "#/$defs/")]
	}
	return s
}

// ValidationError lists what is wrong with an answer, one problem per entry, each
// starting with the JSON path it concerns ("$.items[2].source_ts: ...").
type ValidationError struct {
	Problems []string
}

// maxProblems bounds the list: enough for a repair prompt, not a wall of text.
const maxProblems = 20

func (e *ValidationError) Error() string {
	return "answer does not match the schema: " + strings.Join(e.Problems, "; ")
}

func (s *schema) validateJSON(b []byte) error {
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.UseNumber()
	var v any
	if err := dec.Decode(&v); err != nil {
		return &ValidationError{Problems: []string{"not valid JSON: " + jsonProblem(err)}}
	}
	if _, err := dec.Token(); !errors.Is(err, io.EOF) {
		return &ValidationError{Problems: []string{"text after the JSON object: answer with exactly one JSON object"}}
	}
	var problems []string
	s.validate(v, "$", &problems)
	if len(problems) > 0 {
		if len(problems) > maxProblems {
			n := len(problems) - maxProblems
			problems = append(problems[:maxProblems], fmt.Sprintf("and %d more", n))
		}
		return &ValidationError{Problems: problems}
	}
	return nil
}

// jsonProblem describes a decoding error without echoing the answer back.
func jsonProblem(err error) string {
	var se *json.SyntaxError
	if errors.As(err, &se) {
		return fmt.Sprintf("%s at byte %d", se.Error(), se.Offset)
	}
	if errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF) {
		return "the JSON ends too early"
	}
	return err.Error()
}

func (s *schema) validate(v any, path string, problems *[]string) {
	s = s.resolve()
	add := func(format string, args ...any) {
		*problems = append(*problems, path+": "+fmt.Sprintf(format, args...))
	}
	switch s.Type {
	case "object":
		obj, ok := v.(map[string]any)
		if !ok {
			add("want an object, got %s", kindOf(v))
			return
		}
		for _, r := range s.Required {
			if _, ok := obj[r]; !ok {
				add("required field %q is missing", r)
			}
		}
		keys := make([]string, 0, len(obj))
		for k := range obj {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		for _, k := range keys {
			p := s.Properties[k]
			if p == nil {
				add("unknown field %q", text.Clip(k, 40))
				continue
			}
			p.validate(obj[k], path+"."+k, problems)
		}
	case "array":
		arr, ok := v.([]any)
		if !ok {
			add("want an array, got %s", kindOf(v))
			return
		}
		if s.MinItems != nil && len(arr) < *s.MinItems {
			add("want at least %d items, got %d", *s.MinItems, len(arr))
		}
		if s.MaxItems != nil && len(arr) > *s.MaxItems {
			add("want at most %d items, got %d", *s.MaxItems, len(arr))
		}
		for i, x := range arr {
			s.Items.validate(x, fmt.Sprintf("%s[%d]", path, i), problems)
		}
	case "string":
		str, ok := v.(string)
		if !ok {
			add("want a string, got %s", kindOf(v))
			return
		}
		n := utf8.RuneCountInString(str)
		if s.MinLength != nil && n < *s.MinLength {
			add("want at least %d characters, got %d", *s.MinLength, n)
		}
		if s.MaxLength != nil && n > *s.MaxLength {
			add("want at most %d characters, got %d", *s.MaxLength, n)
		}
		if len(s.Enum) > 0 && !contains(s.Enum, str) {
			add("want one of %s, got %q", strings.Join(quoteAll(s.Enum), ", "), text.Clip(str, 40))
		}
	case "boolean":
		if _, ok := v.(bool); !ok {
			add("want true or false, got %s", kindOf(v))
		}
	case "integer":
		n, ok := v.(json.Number)
		if _, err := n.Int64(); !ok || err != nil {
			add("want an integer, got %s", kindOf(v))
		}
	case "number":
		if _, ok := v.(json.Number); !ok {
			add("want a number, got %s", kindOf(v))
		}
	}
}

func kindOf(v any) string {
	switch v.(type) {
	case nil:
		return "null"
	case map[string]any:
		return "an object"
	case []any:
		return "an array"
	case string:
		return "a string"
	case bool:
		return "a boolean"
	case json.Number:
		return "a number"
	}
	return fmt.Sprintf("%T", v)
}

func contains(xs []string, s string) bool {
	for _, x := range xs {
		if x == s {
			return true
		}
	}
	return false
}

func quoteAll(xs []string) []string {
	out := make([]string, len(xs))
	for i, x := range xs {
		out[i] = fmt.Sprintf("%q", x)
	}
	return out
}
