package evals

import (
	"context"
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/incidentcopilot/incident-copilot/copilot/local"
)

// TestSummaryFloorsOnExtraDevSets holds the local engine's key-fact F1 on the dev
// sets that `copilot eval` does not read by default (they are written in forms and
// voices the default dev split lacks, and are what tuning reads besides it): a
// change that lowers root cause, impact or mitigation there fails here, as the
// floors eval catches it on the default datasets. Floors sit 0.03 under the
// figures measured when they were set.
func TestSummaryFloorsOnExtraDevSets(t *testing.T) {
	for _, set := range []struct {
		dir                  string
		cause, impact, mitig float64
	}{
		{"testdata/dev7", 0.53, 0.77, 0.71},
		{"testdata/dev8", 0.36, 0.51, 0.45},
		{"testdata/dev9", 0.47, 0.67, 0.78},
		{"testdata/dev10", 0.35, 0.56, 0.56},
		{"testdata/dev11", 0.53, 0.74, 0.66},
		// dev12 was written after the day's summary rounds (0.407, 0.546, 0.297
		// as it came); dev12 and dev13 were then tuned on for the mitigation's
		// message choice (dev12 0.423, 0.546, 0.500; dev13 0.535, 0.505, 0.669).
		// The ninth session's mitigation round (steps read by their kind, attempts
		// by how the symptom returns) lifted dev12 to 0.561; floor 0.03 under.
		{"testdata/dev12", 0.39, 0.51, 0.53},
		{"testdata/dev13", 0.50, 0.50, 0.63},
		// dev14-dev16 (written on 2026-12-02 before any summary tuning on them; as
		// they came, mitigation 0.478, 0.431 and 0.398) after the seventh session's
		// report rules (timeline before summary, "Containment." leads, "is in" only
		// when shipped): dev14 0.531/0.668/0.501, dev15 0.537/0.562/0.529, dev16
		// 0.494/0.739/0.443; floors 0.03 under.
		// The ninth session's round lifted their mitigation to 0.606, 0.572 and
		// 0.525; floors 0.03 under.
		{"testdata/dev14", 0.49, 0.66, 0.60},
		{"testdata/dev15", 0.49, 0.59, 0.57},
		{"testdata/dev16", 0.48, 0.79, 0.52},
		// dev18-dev21, written by helpers who read neither the engine nor other
		// sets. As they came: dev18 0.414/0.585/0.271, dev19 0.598/0.465/0.672,
		// dev20 0.522/0.677/0.309, dev21 0.467/0.729/0.487. After the ninth
		// session's round (tuned on dev18 and dev20, and on dev21 only after its
		// unseen reading): dev18 0.420/0.591/0.340, dev19 unchanged, dev20
		// 0.636/0.677/0.547, dev21 0.467/0.729/0.520; floors 0.03 under.
		// The eleventh session's round (steps and recoveries in more shapes,
		// people counted by what they are, fixes kept out of the root cause)
		// lifted dev10, dev14-dev16, dev18 and dev19; their floors sit 0.03
		// under the figures after it (dev10 0.384/0.596/0.594, dev14
		// 0.526/0.690/0.634, dev15 0.529/0.628/0.605, dev16 0.515/0.829/0.555,
		// dev18 0.420/0.653/0.378, dev19 0.668/0.716/0.749).
		{"testdata/dev18", 0.39, 0.62, 0.34},
		{"testdata/dev19", 0.63, 0.68, 0.71},
		{"testdata/dev20", 0.60, 0.64, 0.51},
		{"testdata/dev21", 0.43, 0.69, 0.49},
		// dev22, written on 2026-12-04 by helpers who read neither the engine nor
		// other sets; as it came 0.452/0.548/0.389. dev23, written the same day
		// the same way; as it came 0.373/0.453/0.197. The thirteenth session
		// tuned on both (steps past an answer, recoveries that did not hold,
		// numbered headings): dev22 0.475/0.548/0.409, dev23 0.328/0.453/0.373;
		// floors 0.03 under.
		{"testdata/dev22", 0.44, 0.51, 0.37},
		{"testdata/dev23", 0.29, 0.42, 0.34},
		// dev24, written the same day and read only after that round: as it came
		// 0.287/0.432/0.254, with the round 0.295/0.432/0.254; report parts in
		// other words ("Consequences") then 0.295/0.447/0.254; floors 0.03 under.
		{"testdata/dev24", 0.26, 0.41, 0.22},
		// dev25, written the same day, read after every rule of the session:
		// 0.329/0.525/0.220 (0.329/0.524/0.220 with the session's first engine).
		// The fourteenth session tuned its mitigation on it: 0.333/0.519/0.429;
		// floors 0.04 under.
		{"testdata/dev25", 0.29, 0.48, 0.39},
		// dev26, dev27 and dev28, written on 2026-12-04 by four writers each
		// while the fourteenth session tuned on the set before, and read as they
		// came: 0.321/0.551/0.231, 0.305/0.420/0.145 and 0.374/0.449/0.159 (token
		// F1 of root cause, impact, mitigation). The mitigation rules written from
		// dev25 did not carry to them (dev26 0.234, dev27 and dev28 unchanged);
		// floors 0.04 under.
		{"testdata/dev26", 0.26, 0.51, 0.19},
		{"testdata/dev27", 0.26, 0.38, 0.10},
		{"testdata/dev28", 0.33, 0.40, 0.11},
		// dev29, written on 2026-12-04 (fifteenth session) by four writers while
		// only follow-ups were worked on: 0.318/0.480/0.186 as it came and at the
		// session's end; floors 0.03 under.
		{"testdata/dev29", 0.29, 0.45, 0.16},
		// dev30 and dev31, written the same day the same way: 0.283/0.469/0.136
		// and 0.333/0.498/0.262 as they came, unchanged by the sixteenth
		// session's lifecycle fixes; floors 0.03 under.
		{"testdata/dev30", 0.25, 0.43, 0.10},
		{"testdata/dev31", 0.30, 0.46, 0.23},
		// dev32, written on 2026-12-04 (seventeenth session): 0.365/0.599/0.195
		// as it came; no summary code changed since. Floors 0.03 under.
		{"testdata/dev32", 0.33, 0.56, 0.16},
		// dev33, written on 2026-12-04 (eighteenth session): 0.243/0.408/0.173
		// as it came; 0.295/0.408/0.280 after the session's mitigation fixes,
		// several written from its incidents (tuning figures). Floors 0.03 under.
		{"testdata/dev33", 0.26, 0.37, 0.25},
		// dev34, written on 2026-12-04 (nineteenth session): 0.257/0.586/0.189
		// as it came, the same with the session's start (015c670). Floors 0.03
		// under.
		{"testdata/dev34", 0.22, 0.55, 0.15},
		// dev35, written on 2026-12-04 (twentieth session): 0.386/0.513/0.237
		// as it came, the same with the session's first rules (ChatOps records,
		// bare reports). Mitigation tuned on it (a try undone, "done at 01:12."
		// reports, "works here"): 0.386/0.513/0.332. Floors 0.03 under.
		{"testdata/dev35", 0.35, 0.48, 0.30},
		// dev36, written the same day (second round): 0.312/0.366/0.173 as it
		// came with the session's first engine (6155820), 0.312/0.369/0.187 with
		// the rules written before it landed. Tuned on it (arrow chains, forecasts,
		// a deploy record for a terse reply): 0.312/0.369/0.233. Floors 0.03 under.
		{"testdata/dev36", 0.28, 0.33, 0.20},
		// dev37, written the same day (third round), read after the session's
		// last rule: 0.358/0.463/0.275, the same with the session's first engine
		// (6155820). No rule was written from it then; the next session tuned on
		// it (steps and causes read by their grammar, relapses, recoveries told
		// in plain words): 0.389/0.463/0.366. Floors 0.03 under.
		{"testdata/dev37", 0.35, 0.43, 0.33},
		// dev38, written on 2026-12-04 (twenty-first session) by two writers:
		// 0.390/0.611/0.301 as it came, the same with the session's first engine
		// (d809967). No rule was written from it. Floors 0.03 under.
		{"testdata/dev38", 0.36, 0.58, 0.27},
		// dev39, written on 2026-12-05 (twenty-second session) by one writer of
		// three (the other two did not finish): 3 incidents. No rule was written
		// from it; read on 2026-12-05 (twenty-fourth session): 0.158/0.509/0.311.
		// Floors 0.03 under.
		{"testdata/dev39", 0.12, 0.47, 0.28},
		// dev40 and dev41, written on 2026-12-05 (twenty-eighth session) by four
		// writers each, dev41 while rules were taken from dev40: dev40
		// 0.354/0.553/0.234 as it came, mitigation 0.371 after the session's
		// step readings taken from it (tuning figures); dev41 0.344/0.544/0.207
		// as it came and after them. Floors 0.03 under.
		{"testdata/dev40", 0.32, 0.52, 0.34},
		{"testdata/dev41", 0.31, 0.51, 0.17},
		// dev42 and dev43, written on 2026-12-05 (dev42 in the twenty-eighth
		// session, dev43 in the twenty-ninth while rules were taken from dev42):
		// dev42 0.331/0.433/0.210 as it came, 0.341/0.433/0.330 after the twenty-ninth
		// session's rules taken from it (tuning figures); dev43 0.420/0.459/0.216 as it
		// came and after them. Floors 0.03 under.
		{"testdata/dev42", 0.31, 0.40, 0.30},
		{"testdata/dev43", 0.39, 0.42, 0.18},
		// dev44 and dev45, written on 2026-12-05 and 2026-12-06 (end of the
		// twenty-ninth session, start of the thirtieth): dev44 0.332/0.372/0.248
		// and dev45 0.355/0.510/0.307, as they came and after the thirtieth
		// session's rules (follow-ups only). Floors 0.03 under.
		{"testdata/dev44", 0.30, 0.34, 0.21},
		{"testdata/dev45", 0.32, 0.48, 0.27},
		// dev46, written on 2026-12-06 at the start of the thirty-first session
		// (follow-ups only): 0.357/0.509/0.218 as it came and at the session's
		// end. Floors 0.03 under.
		{"testdata/dev46", 0.32, 0.47, 0.18},
		// dev47 and dev48, written on 2026-12-06 at the thirty-second session
		// (evals/writers/README.md), committed before the engine was run on them.
		// dev47 as it came 0.353/0.461/0.201, after the session's mitigation
		// rules (taken from it) 0.370/0.469/0.320; dev48, the set that judged
		// them, 0.343/0.512/0.188 as it came and after. Floors 0.03 under.
		{"testdata/dev47", 0.34, 0.43, 0.29},
		// dev48 after the thirty-third session's mitigation readings, taken
		// from it: 0.343/0.512/0.272 (tuning figures).
		{"testdata/dev48", 0.31, 0.48, 0.24},
		// dev49 and dev50, written on 2026-12-06 at the thirty-third session,
		// committed before the engine was run on them. dev49 as it came
		// 0.375/0.517/0.206, after the readings taken from dev48 (its judge)
		// 0.375/0.522/0.185, then 0.375/0.522/0.286 with six read from it
		// (tuning figures); dev50, which judged them all, 0.362/0.457/0.207 as
		// it came and 0.362/0.457/0.230 after. Floors 0.03 under.
		{"testdata/dev49", 0.34, 0.49, 0.25},
		{"testdata/dev50", 0.33, 0.42, 0.20},
		// dev51, written at the end of the thirty-third session, committed
		// before the engine was run on it: 0.363/0.485/0.200 as it came and
		// after every rule of the session; 0.356/0.485/0.319 after the
		// thirty-fourth session's readings taken from it (tuning figures).
		// Floors 0.03 under.
		{"testdata/dev51", 0.33, 0.45, 0.29},
		// dev52, written at the thirty-fourth session, committed before the
		// engine was run on it: 0.365/0.453/0.298 as it came and after the
		// readings taken from dev51 (its judge); 0.365/0.453/0.315 after the
		// one taken from it (tuning figures). Floors 0.03 under.
		{"testdata/dev52", 0.33, 0.42, 0.26},
		// dev53, written during the thirty-fourth session, committed before the
		// engine was run on it: 0.289/0.437/0.180 as it came and after every
		// rule of the session. Floors 0.03 under.
		{"testdata/dev53", 0.26, 0.40, 0.15},
		// dev54, written at the start of the thirty-fifth session, committed
		// before the engine was run on it: 0.316/0.586/0.309 as it came and
		// after every rule of the session (none of which touched summaries).
		// Floors 0.03 under.
		{"testdata/dev54", 0.28, 0.55, 0.27},
		// dev55, written at the end of the thirty-fifth session, committed
		// before the engine was run on it: 0.295/0.515/0.229 as it came
		// against the session's start and with all of its rules alike. Only its
		// headline was read. Floors 0.03 under.
		{"testdata/dev55", 0.26, 0.48, 0.19},
		// dev56, written at the start of the thirty-sixth session, committed
		// before the engine was run on it: 0.313/0.416/0.172 as it came and
		// after every rule of the session (none of which touched summaries).
		// Floors 0.03 under.
		{"testdata/dev56", 0.28, 0.38, 0.14},
		// dev57, written during the thirty-sixth session when dev56 was read,
		// committed before the engine was run on it: 0.326/0.540/0.191 as it
		// came. Only its headline was read. Floors 0.03 under.
		{"testdata/dev57", 0.29, 0.51, 0.16},
		// dev58, written at the start of the thirty-seventh session, committed
		// before the engine was run on it: 0.338/0.492/0.366 as it came and
		// with every rule of the session (none of which touched summaries).
		// Only its headline was read. Floors 0.03 under.
		{"testdata/dev58", 0.30, 0.46, 0.33},
		// dev59, written during the thirty-seventh session when dev58 was read,
		// committed before the engine was run on it: 0.262/0.457/0.226 as it
		// came and with every later rule of the session. Only its headline was
		// read. Floors 0.03 under.
		{"testdata/dev59", 0.23, 0.42, 0.19},
		// dev60, written at the start of the thirty-eighth session, committed
		// before the engine was run on it: 0.374/0.539/0.295 as it came and
		// with every rule of the session (none of which touched summaries but
		// one sentence split, which left it alike). Only its headline was read.
		// Floors 0.03 under.
		{"testdata/dev60", 0.34, 0.50, 0.26},
		// dev61, written at the end of the thirty-eighth session when dev59 had
		// been read, committed before the engine was run on it: 0.420/0.525/0.178
		// as it came, and the same with the engine of the session's start. Only
		// its headline was read. Floors 0.03 under.
		{"testdata/dev61", 0.39, 0.49, 0.14},
		// dev62, written at the start of the thirty-ninth session before dev61
		// was read, committed before the engine was run on it: 0.302/0.463/0.251
		// as it came (engine c2007bb), and the same after every rule of the
		// session. Only its headline was read. Floors 0.03 under.
		{"testdata/dev62", 0.27, 0.43, 0.22},
		// dev63, written at the start of the fortieth session before dev62 was
		// read, committed before the engine was run on it: 0.305/0.532/0.223 as
		// it came (engine 958638e), and the same after the session's first
		// readings (from dev62). Floors 0.03 under.
		{"testdata/dev63", 0.27, 0.50, 0.19},
		// dev64, written in the fortieth session after dev63 was committed and
		// before it was read, committed before the engine was run on it:
		// 0.336/0.490/0.289 as it came (engine 2bee0f9), and the same after the
		// readings taken from dev63. Floors 0.03 under.
		{"testdata/dev64", 0.30, 0.46, 0.25},
		// dev65, written in the fortieth session after dev64 was committed and
		// before it was read, committed before the engine was run on it:
		// 0.250/0.455/0.257 as it came (engine 5c2029f), and the same after the
		// readings taken from dev64. Floors 0.03 under.
		{"testdata/dev65", 0.22, 0.42, 0.22},
		// dev66, written in the fortieth session after dev65 was committed and
		// before it was read, committed before the engine was run on it:
		// 0.451/0.553/0.338 as it came (engine 466e3c6), and the same after the
		// readings taken from dev65. Floors 0.03 under.
		{"testdata/dev66", 0.42, 0.52, 0.30},
		// dev67, written in the fortieth session after dev66 was committed and
		// before it was read, committed before the engine was run on it:
		// 0.340/0.644/0.244 as it came (engine 330da5b), and the same after the
		// readings taken from dev66. Only its headline was read. Floors 0.03
		// under.
		{"testdata/dev67", 0.31, 0.61, 0.21},
		// dev68, written in the forty-first session after dev67 was committed
		// and before it was read, committed before the engine was run on it:
		// 0.419/0.483/0.217 as it came (engine 7fe2be9), and the same after the
		// readings taken from dev67. Floors 0.03 under.
		{"testdata/dev68", 0.39, 0.45, 0.18},
		// dev69, written in the forty-first session after dev68 was committed
		// and before it was read, committed before the engine was run on it:
		// 0.274/0.589/0.221 as it came (engine 3bcca28), and the same after the
		// readings taken from dev68. Only its headline was read. Floors 0.03
		// under.
		{"testdata/dev69", 0.24, 0.55, 0.19},
		// dev70, written in the forty-second session before dev69 was read,
		// committed before the engine was run on it: 0.268/0.428/0.217 as it
		// came (engine b8f28bc), and the same after the readings taken from
		// dev69. Floors 0.03 under.
		{"testdata/dev70", 0.23, 0.39, 0.18},
		// dev71, written in the same session after dev70 was committed and
		// before it was read, committed before the engine was run on it:
		// 0.322/0.545/0.332 as it came (engine 68f0523), and the same after the
		// readings taken from dev70. Floors 0.03 under.
		{"testdata/dev71", 0.29, 0.51, 0.30},
		// dev72, written in the same session after dev71 was committed and
		// before it was read, committed before the engine was run on it:
		// 0.322/0.480/0.220 as it came (engine 6a64bd6), and the same after the
		// readings taken from dev71. Floors 0.03 under.
		{"testdata/dev72", 0.29, 0.45, 0.19},
		// dev73, written in the same session after dev72 was committed and
		// before it was read, committed before the engine was run on it:
		// 0.186/0.384/0.313 as it came (engine fd5e5fb), and the same after the
		// readings taken from dev72. Only its headline was read. Floors 0.03
		// under.
		{"testdata/dev73", 0.15, 0.35, 0.28},
		// dev74, written at the end of the same session after dev73 was
		// committed and before it was read, committed before the engine was run
		// on it: 0.392/0.444/0.371 as it came (engine d0cbaf4), and the same
		// after the readings taken from dev73. Only its headline was read.
		// Floors 0.03 under.
		{"testdata/dev74", 0.36, 0.41, 0.34},
		// dev75, written at the start of the forty-third session after the
		// forty-second's last set (dev74) and before dev74 was read, committed
		// before the engine was run on it: 0.284/0.484/0.266 as it came
		// (engine b119509), and the same after the readings taken from dev74.
		// Floors 0.03 under.
		{"testdata/dev75", 0.25, 0.45, 0.23},
		// dev76, written in the same session after dev75 was committed and
		// before it was read, committed before the engine was run on it:
		// 0.297/0.454/0.208 as it came (engine 33a00fc), the same with the
		// session-start engine and after the readings taken from dev75. Only
		// its headline was read. Floors 0.03 under.
		{"testdata/dev76", 0.26, 0.42, 0.17},
		// dev77, written at the start of the forty-fourth session before dev76
		// was read, committed before the engine was run on it: 0.342/0.422/0.312
		// as it came (engine 5559913), and the same after the readings taken
		// from dev76. Only its headline was read. Floors 0.03 under.
		{"testdata/dev77", 0.31, 0.39, 0.28},
		// dev78, written in the forty-fifth session before dev77 was read,
		// committed before the engine was run on it: 0.282/0.534/0.208 as it
		// came (engine 1208923), and the same after the readings taken from
		// dev77. Only its headline was read. Floors 0.03 under.
		{"testdata/dev78", 0.25, 0.50, 0.17},
		// dev79, written in the forty-sixth session before dev78 was read,
		// committed before the engine was run on it: 0.265/0.308/0.225 as it
		// came (engine 7327ada), and the same after the readings taken from
		// dev78. Only its headline was read. Floors 0.03 under.
		{"testdata/dev79", 0.23, 0.27, 0.19},
		// dev80, written in the forty-seventh session before dev79 was read,
		// committed before the engine was run on it: 0.287/0.338/0.287 as it
		// came (engine c2138ce), and the same after the readings taken from
		// dev79 and dev80. Floors 0.03 under.
		{"testdata/dev80", 0.25, 0.30, 0.25},
		// dev81, written in the same session before dev80 was read, committed
		// before the engine was run on it: 0.348/0.458/0.270 as it came
		// (engine fcd5029), and the same after the readings taken from dev80.
		// Only its headline was read. Floors 0.03 under.
		{"testdata/dev81", 0.31, 0.42, 0.24},
		// dev82, written in the forty-eighth session before dev81 was read,
		// committed before the engine was run on it: 0.307/0.412/0.167 as it
		// came (engine 229c9d3), and the same after the readings taken from
		// dev81 and dev82. Floors 0.03 under.
		{"testdata/dev82", 0.27, 0.38, 0.13},
		// dev83, written in the same session before dev82 was read, committed
		// before the engine was run on it: 0.324/0.532/0.288 as it came
		// (engine 4f7ecfe), and the same after the readings taken from dev82.
		// Only its headline was read. Floors 0.03 under.
		{"testdata/dev83", 0.29, 0.50, 0.25},
		// dev84, written in the forty-ninth session before dev83 was read,
		// committed before the engine was run on it: 0.357/0.537/0.257 as it
		// came (engine 3026584), and the same with the session's first engine
		// (3fba0b4), before the readings taken from dev83. Floors 0.03 under.
		{"testdata/dev84", 0.32, 0.50, 0.22},
		// dev85, written in the same session while dev84 was read, committed
		// before the engine was run on it: 0.380/0.370/0.276 as it came (engine
		// 4593a1f), and the same with the session's first engine (3fba0b4).
		// Only its headline was read. Floors 0.03 under.
		{"testdata/dev85", 0.35, 0.34, 0.24},
	} {
		c, err := LoadCorpus(set.dir)
		if err != nil {
			t.Fatalf("%s: %v", set.dir, err)
		}
		r, err := SummaryMetrics(context.Background(), local.New(nil), c)
		if err != nil {
			t.Fatalf("%s: %v", set.dir, err)
		}
		t.Logf("%s: root cause %.3f, impact %.3f, mitigation %.3f", set.dir, r.RootCauseF1.Mean(), r.ImpactF1.Mean(), r.MitigationF1.Mean())
		for _, f := range []struct {
			name      string
			got, want float64
		}{{"root cause", r.RootCauseF1.Mean(), set.cause}, {"impact", r.ImpactF1.Mean(), set.impact}, {"mitigation", r.MitigationF1.Mean(), set.mitig}} {
			if f.got < f.want {
				t.Errorf("%s: %s F1 %.3f below its floor %.2f", set.dir, f.name, f.got, f.want)
			}
		}
	}
}

// TestFollowUpFloorsOnExtraDevSets holds the local engine's uncaptured
// follow-ups on the extra dev sets, pooled by the era they were written in:
// dev2-dev22 (and the sample corpus's dev split), and dev23-dev39, written later
// by helpers who read neither the engine nor other sets, in more voices. The
// per-set figures swing by one item; a pool of several hundred does not, so a
// change that loses follow-ups or adds false ones across the sets fails here.
// Figures when the floors were set (2026-12-05, twenty-fourth session): dev2-dev22
// P 0.931 (510/548) R 0.915 (514/562); dev23-dev39 P 0.833 (433/520) R 0.846
// (433/512), after the session's last rule. Floors 0.03 under. Raised on
// 2026-12-05 (twenty-fifth session) to 0.03 under P 0.932 (511/548) R 0.916
// (515/562) and P 0.850 (435/512) R 0.850 (435/512). Raised on 2026-12-05
// (twenty-seventh session) to 0.03 under the new era's P 0.895 (436/487); its R
// 0.852 (436/512) leaves the recall floor where it was. dev40-dev41, the two
// blind sets of 2026-12-05 (twenty-eighth session), pooled apart: P 0.682 and
// 0.694, R 0.857 and 0.806 as they came; P 0.727 (56/77) R 0.848 (56/66) after
// the session's rules (taken from dev40 only; dev41 did not move). Floors about
// 0.03 under. dev42 and dev43 (written on 2026-12-05, twenty-eighth and
// twenty-ninth sessions) joined that pool, now dev40-dev43: dev42 P 0.667 R 0.889
// and dev43 P 0.853 R 0.879 as they came; the pool P 0.797 (118/148) R 0.874
// (118/135) after the twenty-ninth session's rules (taken from dev42; dev43 did
// not move). Floors about 0.03 under. dev44 and dev45 (end of the twenty-ninth
// session, start of the thirtieth) joined it, now dev40-dev45: dev44 P 0.619 R
// 0.897 and dev45 P 0.718 R 0.778 as they came; dev44 P 0.763 R 1.000 (tuning
// figures) and dev45 P 0.757 R 0.778 after the thirtieth session's rules, taken
// from dev44 and judged on dev45; the pool P 0.804 (176/219) R 0.880 (176/200).
// Floors about 0.03 under. dev46 (start of the thirty-first session) joined it,
// now dev40-dev46: dev46 P 0.757 R 0.824 as it came and after the session's rules
// (taken from dev45, which went P 0.757 -> 0.971, R 0.778 -> 0.944: tuning
// figures); the pool P 0.834 (211/253) R 0.902 (211/234), dev23-dev39 P 0.903 R
// 0.859. Floors about 0.03 under. dev47 and dev48 (thirty-second session) joined
// it, now dev40-dev48: dev47 P 0.730 R 0.818 as it came, dev48 P 0.707 R 0.879
// as it came and after the session's rules (taken from dev46 and dev47); the pool
// P 0.822 (267/325) R 0.890 (267/300). Floors unchanged, 0.02 under. dev49 and
// dev50 (thirty-third session) joined it, now dev40-dev50: dev49 P 0.848 R 0.824
// as it came and after the rules taken from dev48, dev50 P 0.812 R 0.765 as it
// came and P 0.839 after them (its judge); the pool P 0.847 (321/379) R 0.872
// (321/368). Recall floor 0.85. dev51 (end of the thirty-third session) joined
// it, now dev40-dev51: dev51 P 0.789 R 0.938 as it came, P 0.833 after the
// session's rules; the pool P 0.844 (353/418) R 0.882 (353/400). dev52
// (thirty-fourth session) joined it, now dev40-dev52: dev52 P 0.821 R 0.914 as
// it came and after the rules taken from dev51 (its judge); the pool P 0.870
// (389/447) R 0.894 (389/435) after the readings taken from dev51 and dev52.
// dev53 (same session) joined it, now dev40-dev53: dev53 P 0.871 R 0.750 as it
// came and after every rule of the session; the pool P 0.872 (416/477) R 0.883
// (416/471). dev54 (thirty-fifth session) joined it, now dev40-dev54: dev54 P
// 0.816 R 0.886 as it came and after the first rule taken from the pools'
// question FPs (its judge); the pool P 0.878 (447/509) R 0.883 (447/506) after
// the second, taken from dev50 and dev54. dev55 (end of the same session)
// joined it, now dev40-dev55: dev55 P 0.784 R 0.853 as it came against the
// session's start and with all of its rules alike (only its headline read).
// dev56 and dev57 (thirty-sixth session) joined it, now dev40-dev57: dev56 P
// 0.667 R 0.759 as it came and with the rules read from dev55 (its judge), P
// 0.806 R 0.862 after the readings taken from it; dev57 P 0.800 R 0.889 as it
// came and with every later rule of the session (only its headline read).
// dev58 (thirty-seventh session) joined it, now dev40-dev58: dev58 P 0.868 R
// 0.917 as it came and with every rule of the session, read from dev57 (only
// its headline read) until it was read, then P 0.944 R 0.944 after the
// readings taken from it; dev57 P 0.971 R 0.917 after the readings taken from
// it. dev59 (same session) joined it, now dev40-dev59: dev59 P 0.903 R 0.848 as
// it came and with every later rule of the session (only its headline read),
// then P 1.000 R 0.970 after the readings the thirty-eighth session took from it.
// dev60 (thirty-eighth session) joined it, now dev40-dev60: dev60 P 0.727 R
// 0.842 as it came and with every rule read from dev59 (only its headline read
// until then), P 0.780 R 0.842 after the first three readings taken from it.
// dev61 (end of the same session) joined it, now dev40-dev61: dev61 P 0.708 R
// 0.895 as it came and with the engine of the session's start alike (only its
// headline read).
// dev62 (start of the thirty-ninth session) joined it, now dev40-dev62: dev62
// P 0.811 R 0.909 as it came and after every rule of the session (only its
// headline read).
// dev63 (start of the fortieth session) joined it, now dev40-dev63: dev63 P
// 0.721 R 0.886 as it came (engine 958638e) and after the readings taken from
// dev62 (only its headline read until then).
// dev64 (same session) joined it, now dev40-dev64: dev64 P 0.850 R 0.919 as
// it came (engine 2bee0f9) and after the readings taken from dev63 and the
// question answered by an argument (only its headline read until then).
// dev65 (same session) joined it, now dev40-dev65: dev65 P 0.806 R 0.829 as
// it came (engine 5c2029f) and after the readings taken from dev64 (only its
// headline read until then).
// dev66 (same session) joined it, now dev40-dev66: dev66 P 0.600 R 0.794 as
// it came (engine 466e3c6) and after the readings taken from dev65 (only its
// headline read until then).
// dev67 (end of the same session) joined it, now dev40-dev67: dev67 P 0.750 R
// 0.857 as it came (engine 330da5b) and after the readings taken from dev66
// (only its headline read).
// dev68 (start of the forty-first session) joined it, now dev40-dev68: dev68 P
// 0.775 R 0.912 as it came (engine 7fe2be9), P 0.800 R 0.941 after the
// readings taken from dev67 (only its headline read until then).
// dev69 (end of the same session) joined it, now dev40-dev69: dev69 P 0.757 R
// 0.848 as it came (engine 3bcca28) and after the readings taken from dev68
// (only its headline read).
// dev70 (forty-second session) joined it, now dev40-dev70: dev70 P 0.744 R
// 0.853 as it came (engine b8f28bc) and after the readings taken from dev69
// (only its headline read until then).
// dev71 (same session) joined it, now dev40-dev71: dev71 P 0.683 R 0.848 as it
// came (engine 68f0523) and after the readings taken from dev70 (only its
// headline read until then).
// dev72 (same session) joined it, now dev40-dev72: dev72 P 0.758 R 0.781 as it
// came (engine 6a64bd6) and after the readings taken from dev71; the engine of
// the session's start (b8f28bc) gave it P 0.735.
// dev73 (end of the same session) joined it, now dev40-dev73: dev73 P 0.756 R
// 0.969 as it came (engine fd5e5fb), 0.795 once two dev69 readings it judged
// wrong were taken back (e1ae936); read later in the session.
// dev74 (end of the same session) joined it, now dev40-dev74: dev74 P 0.775 R
// 0.838 as it came (engine d0cbaf4) and after the readings taken from dev73
// (only its headline read).
// dev75 (forty-third session) joined it, now dev40-dev75: dev75 P 0.774 R
// 0.774 as it came (engine b119509) and after the readings taken from dev74
// (only its headline read until then).
// dev76 (same session) joined it, now dev40-dev76: dev76 P 0.697 R 0.742 as it
// came (engine 33a00fc), the same with the session-start engine and after the
// readings taken from dev75 (only its headline read).
// dev77 (forty-fourth session) joined it, now dev40-dev77: dev77 P 0.763 R
// 0.806 as it came (engine 5559913) and after the readings taken from dev76
// (only its headline read).
// dev78 (forty-fifth session) joined it, now dev40-dev78: dev78 P 0.867 R
// 0.788 as it came (engine 1208923) and after the readings taken from dev77
// (only its headline read).
// dev79 (forty-sixth session) joined it, now dev40-dev79: dev79 P 0.892 R
// 0.917 as it came (engine 7327ada), P 0.872 R 0.944 after the readings taken
// from dev78 (only its headline read).
// dev80 (forty-seventh session) joined it, now dev40-dev80: dev80 P 0.769 R
// 0.882 as it came (engine c2138ce) and after the readings taken from dev79
// (only its headline read until then); read in the same session.
// dev81 (same session) joined it, now dev40-dev81: dev81 P 0.767 R 1.000 as
// it came (engine fcd5029) and after the readings taken from dev80 (only its
// headline read).
// dev82 (forty-eighth session) joined it, now dev40-dev82: dev82 P 0.784 R
// 0.806 as it came (engine 229c9d3) and after the readings taken from dev81
// (only its headline read until then); read in the same session.
// dev83 (same session) joined it, now dev40-dev83: dev83 P 0.767 R 0.943 as
// it came (engine 4f7ecfe) and after the readings taken from dev82 (only its
// headline read).
// dev84 (forty-ninth session) joined it, now dev40-dev84: dev84 P 0.732 R
// 0.811 as it came (engine 3026584), the same with the session's first engine
// (3fba0b4): the readings taken from dev83 did not move it.
// dev85 (same session) joined it, now dev40-dev85: dev85 P 0.818 R 0.871 as
// it came (engine 4593a1f), the same with the session's first engine: the
// readings taken from dev83 and dev84 did not move it (only its headline read).
// With FU_REPORT=1 it also logs every error with its message, one line each
// ("FP", "MISSED", "OWNER", "DUE", "CAPTURED", "KEY" and the dataset, incident and ts):
// `FU_REPORT=1 go test ./evals -run TestFollowUpFloorsOnExtraDevSets -v`, and a
// diff of two runs' sorted lines shows what a change moved.
func TestFollowUpFloorsOnExtraDevSets(t *testing.T) {
	pools := []struct {
		name       string
		sets       []string
		prec, recl float64
	}{
		{"corpus and dev2-dev22", []string{"corpus"}, 0.90, 0.88},
		{"dev23-dev39", nil, 0.86, 0.83},
		{"dev40-dev85", nil, 0.80, 0.85},
	}
	for i := 2; i <= 85; i++ {
		p := 0
		switch {
		case i >= 40:
			p = 2
		case i >= 23:
			p = 1
		}
		pools[p].sets = append(pools[p].sets, fmt.Sprintf("dev%d", i))
	}
	for _, pool := range pools {
		all := &Corpus{}
		for _, set := range pool.sets {
			c, err := LoadCorpus("testdata/" + set)
			if err != nil {
				t.Fatalf("%s: %v", set, err)
			}
			if !c.LabelsFollowUps() {
				continue
			}
			for _, li := range c.Incidents {
				if li.Labels.SplitOf() != "test" {
					all.Incidents = append(all.Incidents, li)
				}
			}
		}
		r, err := FollowUpMetrics(context.Background(), local.New(nil), all)
		if err != nil {
			t.Fatal(err)
		}
		t.Logf("%s: uncaptured P %.3f (%d/%d) R %.3f (%d/%d); ticket key %.3f (%d/%d)", pool.name, r.Precision, r.TruePositives, r.Predicted, r.Recall, r.Found, r.Gold, r.KeyAccuracy, r.KeyCorrect, r.KeyMatched)
		if os.Getenv("FU_REPORT") != "" {
			logFollowUpErrors(t, all, r)
		}
		if r.Precision < pool.prec || r.Recall < pool.recl {
			t.Errorf("%s: uncaptured follow-ups P %.3f R %.3f, below the floors %.2f and %.2f", pool.name, r.Precision, r.Recall, pool.prec, pool.recl)
		}
	}
}

// logFollowUpErrors logs each error of a follow-up run with the start of its
// message.
func logFollowUpErrors(t *testing.T, c *Corpus, r *FollowUpResult) {
	t.Helper()
	byID := map[string]*LabeledIncident{}
	for _, li := range c.Incidents {
		byID[li.Labels.ID] = li
	}
	for _, inc := range r.Incidents {
		li := byID[inc.ID]
		for _, e := range []struct {
			kind string
			ts   []string
		}{{"FP", inc.FalsePositives}, {"MISSED", inc.Missed}, {"OWNER", inc.OwnerWrong}, {"DUE", inc.DueWrong}, {"CAPTURED", inc.CaptureWrong}, {"KEY", inc.KeyWrong}} {
			for _, ts := range e.ts {
				text := ""
				if m := li.Incident.MessageByTS(ts); m != nil {
					text = strings.Join(strings.Fields(m.Text), " ")
				}
				if len(text) > 160 {
					text = text[:160]
				}
				t.Logf("%s %s %s %s | %s", e.kind, li.Dataset, inc.ID, ts, text)
			}
		}
	}
}
