// Package readme holds the tests that keep the README true: its code
// blocks are the example files, its error message is what the compiler
// prints, every command and flag is documented, and every example's README
// shows the diagram of its current definition.
package readme
