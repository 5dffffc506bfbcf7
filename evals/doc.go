// Package evals measures the copilot's capabilities against a labelled corpus and
// decides, through gates, which capability may act on its own in a live incident.
//
// A run loads a Corpus (LoadCorpus), computes one result per capability
// (FollowUpMetrics, SummaryMetrics; similarity search plugs in the same way: a
// function returning a result whose Metrics() go into the Report), and checks the
// Report against Gates.
package evals
