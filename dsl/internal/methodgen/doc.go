// Command methodgen writes dsl/methods_gen.go: the builder methods that
// several types of package dsl share, written out for each type, so that
// go doc shows every type with its own methods and concrete result types.
//
// The shared logic lives once, in methods of dsl's unexported core type,
// each marked with a directive naming its group:
//
//	// Comment sets the state's Comment.
//	//
//	//dsl:group base
//	func (c *core) comment(pos ir.Pos, text string) { ... }
//
// and each builder type lists its receiver name and groups:
//
//	//dsl:mixin t base io assign
//	type TaskState struct{ c *core }
//
// For every group of a type, methodgen writes one exported method per core
// method of the group, with the core method's doc comment, that passes the
// caller's position (when the core method takes pos ir.Pos first), calls
// it, and returns the receiver (or what the core method returns).
//
// Run it with go generate in package dsl; its test fails when
// methods_gen.go is stale.
package main
