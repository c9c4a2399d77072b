// Package testcorpus finds the shared corpus of real-world ASL definitions
// for tests. The corpus is kept outside the repository, in ../shared/corpus
// next to it; a test that needs it skips, saying why, when it is not there.
package testcorpus
