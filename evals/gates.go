package evals

import (
	"bytes"
	_ "embed"
	"fmt"
	"os"
	"slices"
	"sort"

	"gopkg.in/yaml.v3"

	"github.com/incidentcopilot/incident-copilot/copilot"
)

// GateSet is a gates file: per capability, the metrics it must reach on a split
// before it may act on its own. Two files exist: gates.yaml holds the targets that
// open the runtime gate; floors.yaml holds today's figures minus a margin, which CI
// checks so that a change that lowers quality fails the build.
type GateSet struct {
	// Name is where the set came from (a path, or "evals/gates.yaml (built in)").
	Name string `yaml:"-"`
	// Split is the split gates read unless they name their own.
	Split string `yaml:"split"`
	// MinIncidents is how many labelled incidents the split must hold: a run on
	// fewer cannot open a gate, whatever it measured.
	MinIncidents int `yaml:"min_incidents"`
	// Capabilities maps a capability to its gates.
	Capabilities map[string][]GateSpec `yaml:"capabilities"`
}

// GateSpec is one line of a gates file.
type GateSpec struct {
	Metric   string   `yaml:"metric"`
	Min      *float64 `yaml:"min"`
	Baseline string   `yaml:"baseline"` // the threshold is this baseline's value
	Split    string   `yaml:"split"`    // overrides GateSet.Split
	Why      string   `yaml:"why"`
}

//go:embed gates.yaml
var targetGates []byte

// DefaultGatesFile is the name the built-in targets go by.
const DefaultGatesFile = "evals/gates.yaml (built in)"

// TargetGates are the thresholds that open the runtime gate, as built into the
// binary from evals/gates.yaml.
func TargetGates() *GateSet {
	gs, err := ParseGates(DefaultGatesFile, targetGates)
	if err != nil {
		panic("evals/gates.yaml: " + err.Error()) // a test parses it
	}
	return gs
}

// LoadGates reads a gates file.
//
// Errors: EINVALID naming the file and the bad entry; the file system's errors.
func LoadGates(path string) (*GateSet, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("read gates: %w", err)
	}
	return ParseGates(path, b)
}

// ParseGates reads a gates file's content; name is used in error messages.
func ParseGates(name string, b []byte) (*GateSet, error) {
	gs := &GateSet{Name: name}
	dec := yaml.NewDecoder(bytes.NewReader(b))
	dec.KnownFields(true)
	if err := dec.Decode(gs); err != nil {
		return nil, copilot.Errorf(copilot.EINVALID, "%s: %v", name, err)
	}
	if gs.Split == "" {
		gs.Split = SplitTest
	}
	if gs.MinIncidents < 0 {
		return nil, copilot.Errorf(copilot.EINVALID, "%s: min_incidents: %d is negative", name, gs.MinIncidents)
	}
	for capName, specs := range gs.Capabilities {
		if !slices.Contains(copilot.Capabilities, capName) {
			return nil, copilot.Errorf(copilot.EINVALID, "%s: capabilities: %q is not one of %v", name, capName, copilot.Capabilities)
		}
		for i, s := range specs {
			where := fmt.Sprintf("%s: capabilities.%s[%d]", name, capName, i)
			switch {
			case s.Metric == "":
				return nil, copilot.Errorf(copilot.EINVALID, "%s: metric: missing", where)
			case (s.Min == nil) == (s.Baseline == ""):
				return nil, copilot.Errorf(copilot.EINVALID, "%s (%s): give exactly one of min and baseline", where, s.Metric)
			case s.Baseline != "" && !isBaseline(s.Baseline):
				return nil, copilot.Errorf(copilot.EINVALID, "%s (%s): baseline %q is neither %q nor %q", where, s.Metric, s.Baseline, BaselineBM25, BaselineTFIDF)
			}
			switch s.Split {
			case "", SplitDev, SplitTest:
			default:
				return nil, copilot.Errorf(copilot.EINVALID, "%s (%s): split %q is neither %q nor %q", where, s.Metric, s.Split, SplitDev, SplitTest)
			}
		}
	}
	return gs, nil
}

// Gates lists the set's gates in capability order; each capability also gets a
// gate on the size of its split when MinIncidents is set.
func (gs *GateSet) Gates() []Gate {
	var out []Gate
	for _, capName := range copilot.Capabilities {
		out = append(out, gs.CapabilityGates(capName)...)
	}
	return out
}

// CapabilityGates lists one capability's gates (none when the set has none for it).
func (gs *GateSet) CapabilityGates(capName string) []Gate {
	specs := gs.Capabilities[capName]
	if len(specs) == 0 {
		return nil
	}
	var out []Gate
	splits := map[string]bool{}
	for _, s := range specs {
		g := Gate{Metric: s.Metric, Baseline: s.Baseline, Split: s.Split, Capability: capName}
		if g.Split == "" {
			g.Split = gs.Split
		}
		if s.Min != nil {
			g.Min = *s.Min
		}
		splits[g.Split] = true
		out = append(out, g)
	}
	if gs.MinIncidents > 0 {
		var sp []string
		for s := range splits {
			sp = append(sp, s)
		}
		sort.Strings(sp)
		for _, s := range sp {
			out = append(out, Gate{Metric: MetricDatasetSize, Min: float64(gs.MinIncidents), Split: s, Capability: capName})
		}
	}
	return out
}
