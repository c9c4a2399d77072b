package jsonata

// Node is a node of the syntax tree that Parse returns. The concrete types
// are the pointer types below; a type switch over them is exhaustive.
//
// Every node records Position: the byte offset in the expression of the
// token that introduces it. For prefix forms (literals, names, variables,
// "(", "[", "{", "|", "-", "function") that is the first token of the node;
// for infix forms (binary operators, ".", "[", "{", "^", "@", "#", "(",
// "?", ":=", "~>") it is the operator token, as in jsonata-js.
type Node interface {
	// Pos returns the byte offset of the node's introducing token.
	Pos() int
	node()
}

// StringLit is a string literal, 'text' or "text", with escapes decoded.
// A string literal used as a path step is parsed as a *Name instead.
type StringLit struct {
	Position int
	Value    string
	Quote    byte // '"' or '\''
}

// NumberLit is a number literal (JSON syntax). A negative literal such as
// -1 is a *Negate of a NumberLit.
type NumberLit struct {
	Position int
	Value    float64
	Text     string // the literal as written
}

// BoolLit is true or false.
type BoolLit struct {
	Position int
	Value    bool
}

// NullLit is null.
type NullLit struct {
	Position int
}

// Regex is a regular expression literal /pattern/flags. Flags holds the
// flags as written ("", "i", "m", "im" or "mi").
type Regex struct {
	Position int
	Pattern  string
	Flags    string
}

// Name is a field name: a plain name (`total`), a backtick name
// (`first name`), a quoted string used as a path step ($x."a b"), or one of
// the keywords and, or, in used as a name. Standing alone it selects the
// field from the context value; inside a *Path it is one step.
type Name struct {
	Position int
	Value    string
	Quote    byte // 0 for a plain name, '`', '"' or '\''
}

// Variable is a variable reference $name. $ alone (the context value) has
// Name "", and $$ (the root input) has Name "$".
type Variable struct {
	Position int
	Name     string
}

// Wildcard is * (all fields of the context value).
type Wildcard struct {
	Position int
}

// Descendant is ** (all descendants of the context value).
type Descendant struct {
	Position int
}

// Parent is % (the parent of the current context value).
type Parent struct {
	Position int
}

// Path is a chain of steps joined by ".": a.b.c has three steps. Each step
// is evaluated with the results of the previous one as its context. A single
// name alone is a *Name, not a one-step Path.
type Path struct {
	Position int // the first "."
	Steps    []Node
}

// Binary is an infix operator: arithmetic + - * / %, comparison
// = != < <= > >=, Boolean and or, string concatenation &, membership in.
type Binary struct {
	Position int
	Op       string
	LHS, RHS Node
}

// Negate is unary minus.
type Negate struct {
	Position int
	Expr     Node
}

// Filter is a predicate or index applied to a step or expression:
// Expr[Predicate].
type Filter struct {
	Position  int // the "["
	Expr      Node
	Predicate Node
}

// KeepArray is Expr[]: singleton sequences stay arrays.
type KeepArray struct {
	Position int // the "["
	Expr     Node
}

// Pair is one name: value entry of an object constructor or group-by.
type Pair struct {
	Key, Value Node
}

// ObjectCons is an object constructor {k: v, ...} in prefix position.
type ObjectCons struct {
	Position int
	Pairs    []Pair
}

// GroupBy is an object constructor applied to an expression, Expr{k: v},
// which groups the values of Expr by key.
type GroupBy struct {
	Position int // the "{"
	Expr     Node
	Pairs    []Pair
}

// ArrayCons is an array constructor [a, b, ...]. Items may be *Range.
type ArrayCons struct {
	Position int
	Items    []Node
}

// Range is From..To inside an array constructor.
type Range struct {
	Position int // the ".."
	From, To Node
}

// Block is a parenthesised sequence of expressions (a; b; c), evaluated in
// order in a new variable scope; its value is the last one.
type Block struct {
	Position int
	Exprs    []Node
}

// Bind is a variable assignment $name := Value.
type Bind struct {
	Position int // the ":="
	Var      *Variable
	Value    Node
}

// Condition is the ternary Cond ? Then : Else. Else is nil when absent.
type Condition struct {
	Position int // the "?"
	Cond     Node
	Then     Node
	Else     Node
}

// Call is a function call Func(Args...). When one or more arguments are
// *Placeholder (?), the call is a partial application and Partial is true.
type Call struct {
	Position int // the "("
	Func     Node
	Args     []Node
	Partial  bool
}

// Placeholder is the ? argument of a partial application.
type Placeholder struct {
	Position int
}

// Lambda is a function definition function($a, $b)<sig>{ Body } (or with
// λ). Signature is the signature text without blanks, e.g. "<n-n:n>", or ""
// when absent.
type Lambda struct {
	Position  int // "function" or "λ"
	Params    []*Variable
	Signature string
	Body      Node
}

// Apply is the chain operator LHS ~> RHS: RHS (a function) is called with
// LHS as its first argument.
type Apply struct {
	Position int // the "~>"
	LHS, RHS Node
}

// SortTerm is one term of a sort: an expression with the < (ascending,
// the default) or > (descending) prefix.
type SortTerm struct {
	Descending bool
	Expr       Node
}

// Sort is Expr^(terms): the sequence Expr ordered by the terms.
type Sort struct {
	Position int // the "^"
	Expr     Node
	Terms    []SortTerm
}

// FocusBind is Expr@$var: each value of Expr is bound to Var, and the
// context stays the previous step's.
type FocusBind struct {
	Position int // the "@"
	Expr     Node
	Var      *Variable
}

// IndexBind is Expr#$var: the position of each value of Expr is bound to
// Var.
type IndexBind struct {
	Position int // the "#"
	Expr     Node
	Var      *Variable
}

// Transform is the transform operator |Pattern|Update| or
// |Pattern|Update, Delete|. Delete is nil when absent.
type Transform struct {
	Position int
	Pattern  Node
	Update   Node
	Delete   Node
}

// Pos returns the byte offset of the StringLit.
func (n *StringLit) Pos() int { return n.Position }

// Pos returns the byte offset of the NumberLit.
func (n *NumberLit) Pos() int { return n.Position }

// Pos returns the byte offset of the BoolLit.
func (n *BoolLit) Pos() int { return n.Position }

// Pos returns the byte offset of the NullLit.
func (n *NullLit) Pos() int { return n.Position }

// Pos returns the byte offset of the Regex.
func (n *Regex) Pos() int { return n.Position }

// Pos returns the byte offset of the Name.
func (n *Name) Pos() int { return n.Position }

// Pos returns the byte offset of the Variable.
func (n *Variable) Pos() int { return n.Position }

// Pos returns the byte offset of the Wildcard.
func (n *Wildcard) Pos() int { return n.Position }

// Pos returns the byte offset of the Descendant.
func (n *Descendant) Pos() int { return n.Position }

// Pos returns the byte offset of the Parent.
func (n *Parent) Pos() int { return n.Position }

// Pos returns the byte offset of the Path.
func (n *Path) Pos() int { return n.Position }

// Pos returns the byte offset of the Binary.
func (n *Binary) Pos() int { return n.Position }

// Pos returns the byte offset of the Negate.
func (n *Negate) Pos() int { return n.Position }

// Pos returns the byte offset of the Filter.
func (n *Filter) Pos() int { return n.Position }

// Pos returns the byte offset of the KeepArray.
func (n *KeepArray) Pos() int { return n.Position }

// Pos returns the byte offset of the ObjectCons.
func (n *ObjectCons) Pos() int { return n.Position }

// Pos returns the byte offset of the GroupBy.
func (n *GroupBy) Pos() int { return n.Position }

// Pos returns the byte offset of the ArrayCons.
func (n *ArrayCons) Pos() int { return n.Position }

// Pos returns the byte offset of the Range.
func (n *Range) Pos() int { return n.Position }

// Pos returns the byte offset of the Block.
func (n *Block) Pos() int { return n.Position }

// Pos returns the byte offset of the Bind.
func (n *Bind) Pos() int { return n.Position }

// Pos returns the byte offset of the Condition.
func (n *Condition) Pos() int { return n.Position }

// Pos returns the byte offset of the Call.
func (n *Call) Pos() int { return n.Position }

// Pos returns the byte offset of the Placeholder.
func (n *Placeholder) Pos() int { return n.Position }

// Pos returns the byte offset of the Lambda.
func (n *Lambda) Pos() int { return n.Position }

// Pos returns the byte offset of the Apply.
func (n *Apply) Pos() int { return n.Position }

// Pos returns the byte offset of the Sort.
func (n *Sort) Pos() int { return n.Position }

// Pos returns the byte offset of the FocusBind.
func (n *FocusBind) Pos() int { return n.Position }

// Pos returns the byte offset of the IndexBind.
func (n *IndexBind) Pos() int { return n.Position }

// Pos returns the byte offset of the Transform.
func (n *Transform) Pos() int { return n.Position }

func (*StringLit) node()   {}
func (*NumberLit) node()   {}
func (*BoolLit) node()     {}
func (*NullLit) node()     {}
func (*Regex) node()       {}
func (*Name) node()        {}
func (*Variable) node()    {}
func (*Wildcard) node()    {}
func (*Descendant) node()  {}
func (*Parent) node()      {}
func (*Path) node()        {}
func (*Binary) node()      {}
func (*Negate) node()      {}
func (*Filter) node()      {}
func (*KeepArray) node()   {}
func (*ObjectCons) node()  {}
func (*GroupBy) node()     {}
func (*ArrayCons) node()   {}
func (*Range) node()       {}
func (*Block) node()       {}
func (*Bind) node()        {}
func (*Condition) node()   {}
func (*Call) node()        {}
func (*Placeholder) node() {}
func (*Lambda) node()      {}
func (*Apply) node()       {}
func (*Sort) node()        {}
func (*FocusBind) node()   {}
func (*IndexBind) node()   {}
func (*Transform) node()   {}
