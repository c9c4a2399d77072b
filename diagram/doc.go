// Package diagram draws an ASL state machine as a Mermaid flowchart (which
// renders in GitHub READMEs) or a Graphviz DOT graph. Parallel branches and
// Map item processors become subgraphs; Choice rules and Catch edges are
// labelled.
package diagram
