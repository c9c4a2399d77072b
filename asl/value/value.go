package value

import (
	"math"
	"strconv"
	"sync/atomic"
	"unsafe"
)

// Kind is the JSON kind of a Value.
type Kind uint8

// The kinds. The zero Kind, Undefined, is no value at all.
const (
	Undefined Kind = iota
	Null
	Bool
	Number
	String
	Array
	Object
)

var kindNames = [...]string{"undefined", "null", "boolean", "number", "string", "array", "object"}

// String names the kind as JSON does ("object", "number", ...).
func (k Kind) String() string {
	if int(k) < len(kindNames) {
		return kindNames[k]
	}
	return "kind(" + strconv.Itoa(int(k)) + ")"
}

// Value is an immutable JSON value. The zero Value is undefined.
type Value struct {
	// ref is nil for undefined; otherwise it points to the value's Kind:
	// one of scalarKinds for null, the booleans, numbers and strings, or
	// the kind field that starts an array or an object. Keeping the kind
	// behind the pointer makes a Value three words (32 bytes, not 48).
	ref unsafe.Pointer
	num float64 // Number: its value
	str string  // String: the text; Number: the literal text, "" when made from a float
}

// scalarKinds are the kinds ref points to for scalars; false and true are
// told apart by their address.
var scalarKinds = [...]Kind{Null, Bool, Bool, Number, String}

var (
	nullRef   = unsafe.Pointer(&scalarKinds[0])
	falseRef  = unsafe.Pointer(&scalarKinds[1])
	trueRef   = unsafe.Pointer(&scalarKinds[2])
	numberRef = unsafe.Pointer(&scalarKinds[3])
	stringRef = unsafe.Pointer(&scalarKinds[4])
)

// arr returns the array of an Array value.
func (v Value) arr() *array { return (*array)(v.ref) }

// obj returns the object of an Object value.
func (v Value) obj() *object { return (*object)(v.ref) }

type array struct {
	kind  Kind // Array: a Value's ref points here
	items []Value
	size  atomic.Int64 // compact JSON size + 1; 0 means not yet measured

	js atomic.Pointer[Value] // what JS returns, once it has been asked
}

type object struct {
	kind  Kind // Object: a Value's ref points here
	keys  []string
	vals  []Value
	index map[string]int // built for objects with more than indexMin members
	size  atomic.Int64

	js atomic.Pointer[Value] // what JS returns, once it has been asked
}

// indexMin is the member count above which an object keeps a key index;
// below it a linear scan is faster than hashing.
const indexMin = 8

// Member is one name/value pair of an object.
type Member struct {
	Key   string
	Value Value
}

// NullValue is the JSON null.
var NullValue = Value{ref: nullRef}

// True and False are the JSON booleans.
var (
	True  = Value{ref: trueRef}
	False = Value{ref: falseRef}
)

// FromBool returns True or False.
func FromBool(b bool) Value {
	if b {
		return True
	}
	return False
}

// FromString returns a JSON string.
func FromString(s string) Value { return Value{ref: stringRef, str: s} }

// FromFloat returns a JSON number. Its text is written as JavaScript writes
// numbers (see FormatNumber). NaN and infinities are not JSON numbers: they
// give an undefined Value, so callers that compute must check IsUndefined or
// reject them first.
func FromFloat(f float64) Value {
	if math.IsNaN(f) || math.IsInf(f, 0) {
		return Value{}
	}
	return Value{ref: numberRef, num: f}
}

// FromInt returns a JSON number holding n.
func FromInt(n int64) Value {
	return Value{ref: numberRef, num: float64(n), str: strconv.FormatInt(n, 10)}
}

// FromNumberText returns a JSON number from its literal text, which is kept
// and written back unchanged. It reports false when text is not a JSON
// number.
func FromNumberText(text string) (Value, bool) {
	if !isNumberText(text) {
		return Value{}, false
	}
	f, err := strconv.ParseFloat(text, 64)
	if err != nil && !isRangeErr(err) {
		return Value{}, false
	}
	return Value{ref: numberRef, num: f, str: text}, true
}

// FromArray returns a JSON array holding items. The Value owns the slice from
// then on: the caller must not change it. A nil slice makes an empty array.
func FromArray(items []Value) Value {
	return Value{ref: unsafe.Pointer(&array{kind: Array, items: items})}
}

// FromMembers returns a JSON object with the members in order. A key given
// twice keeps its first position and its last value, as JSON.parse does.
func FromMembers(members ...Member) Value {
	var b ObjectBuilder
	b.Grow(len(members))
	for _, m := range members {
		b.Set(m.Key, m.Value)
	}
	return b.Value()
}

// Kind returns the value's kind.
func (v Value) Kind() Kind {
	if v.ref == nil {
		return Undefined
	}
	return *(*Kind)(v.ref)
}

// IsUndefined reports whether v is no value at all.
func (v Value) IsUndefined() bool { return v.ref == nil }

// IsNull reports whether v is the JSON null.
func (v Value) IsNull() bool { return v.ref == nullRef }

// Bool returns a boolean's value (false for other kinds).
func (v Value) Bool() bool { return v.ref == trueRef }

// Float returns a number's value (0 for other kinds).
func (v Value) Float() float64 { return v.num }

// Int returns a number's value when it is a whole number that an int64 holds
// exactly; "2.0" and "1e3" count.
func (v Value) Int() (int64, bool) {
	if v.Kind() != Number || v.num != math.Trunc(v.num) || math.Abs(v.num) > 1<<53 {
		return 0, false
	}
	return int64(v.num), true
}

// NumberText returns a number's text: the literal it was read from, or its
// JavaScript form when it was computed.
func (v Value) NumberText() string {
	if v.Kind() != Number {
		return ""
	}
	if v.str != "" {
		return v.str
	}
	return FormatNumber(v.num)
}

// HasOwnText reports whether a number keeps literal text that differs from
// the JavaScript form of its value ("0.0", "1E3", "12345678901234567890").
func (v Value) HasOwnText() bool {
	return v.Kind() == Number && v.str != "" && v.str != FormatNumber(v.num)
}

// Str returns a string's text ("" for other kinds).
func (v Value) Str() string {
	if v.Kind() != String {
		return ""
	}
	return v.str
}

// Len returns the number of items of an array or members of an object, and
// 0 for other kinds.
func (v Value) Len() int {
	switch v.Kind() {
	case Array:
		return len(v.arr().items)
	case Object:
		return len(v.obj().keys)
	}
	return 0
}

// Index returns item i of an array, or undefined when there is none.
func (v Value) Index(i int) Value {
	if v.Kind() != Array || i < 0 || i >= len(v.arr().items) {
		return Value{}
	}
	return v.arr().items[i]
}

// Items returns an array's items (nil for other kinds). The slice is shared:
// callers must not change it.
func (v Value) Items() []Value {
	if v.Kind() != Array {
		return nil
	}
	return v.arr().items
}

// Get returns the member named key of an object and whether it exists.
func (v Value) Get(key string) (Value, bool) {
	if v.Kind() != Object {
		return Value{}, false
	}
	i := v.obj().find(key)
	if i < 0 {
		return Value{}, false
	}
	return v.obj().vals[i], true
}

// Member returns member i of an object, in order.
func (v Value) Member(i int) (string, Value) {
	if v.Kind() != Object || i < 0 || i >= len(v.obj().keys) {
		return "", Value{}
	}
	return v.obj().keys[i], v.obj().vals[i]
}

// Keys returns an object's keys in order (nil for other kinds). The slice is
// shared: callers must not change it.
func (v Value) Keys() []string {
	if v.Kind() != Object {
		return nil
	}
	return v.obj().keys
}

// Values returns an object's member values in key order (nil for other
// kinds). The slice is shared: callers must not change it.
func (v Value) Values() []Value {
	if v.Kind() != Object {
		return nil
	}
	return v.obj().vals
}

// With returns a copy of object v in which key holds x: an existing member
// keeps its position, a new one goes last. An undefined x removes the key.
// For a v that is not an object, With starts from an empty object.
func (v Value) With(key string, x Value) Value {
	var b ObjectBuilder
	if v.Kind() == Object && !x.IsUndefined() {
		if i := v.obj().find(key); i >= 0 {
			// The same keys: only the values change (and the key index,
			// which no object changes, is shared).
			b.Grow(len(v.obj().keys))
			b.keys = append(b.keys, v.obj().keys...)
			b.vals = append(b.vals, v.obj().vals...)
			b.vals[i] = x
			b.index = v.obj().index
			return b.Value()
		}
	}
	if v.Kind() == Object {
		b.Grow(len(v.obj().keys) + 1)
		b.keys = append(b.keys, v.obj().keys...)
		b.vals = append(b.vals, v.obj().vals...)
	}
	if x.IsUndefined() {
		b.Delete(key)
	} else {
		b.Set(key, x)
	}
	return b.Value()
}

func (o *object) find(key string) int {
	if o.index != nil {
		if i, ok := o.index[key]; ok {
			return i
		}
		return -1
	}
	for i, k := range o.keys {
		if k == key {
			return i
		}
	}
	return -1
}

// ObjectBuilder collects the members of a new object. The zero value is an
// empty builder; Value hands its members to the object it returns, so a
// builder is used once.
type ObjectBuilder struct {
	keys  []string
	vals  []Value
	index map[string]int
	// blk, when set, is the object whose block holds the arrays of keys
	// and vals (of blkCap members) while they have not outgrown it.
	blk    *object
	blkCap int
}

// Grow makes room for n more members.
func (b *ObjectBuilder) Grow(n int) {
	if cap(b.keys) == 0 && b.blk == nil && n > 0 && n <= maxBlock {
		// The object, its keys and its values in one allocation.
		b.blk, b.keys, b.vals = newBlock(n)
		b.blkCap = cap(b.keys)
		return
	}
	if cap(b.keys)-len(b.keys) < n {
		keys := make([]string, len(b.keys), len(b.keys)+n)
		copy(keys, b.keys)
		b.keys = keys
		vals := make([]Value, len(b.vals), len(b.vals)+n)
		copy(vals, b.vals)
		b.vals = vals
	}
}

func (b *ObjectBuilder) find(key string) int {
	if b.index == nil && len(b.keys) > indexMin {
		b.index = make(map[string]int, len(b.keys)*2)
		for i, k := range b.keys {
			b.index[k] = i
		}
	}
	if b.index != nil {
		if i, ok := b.index[key]; ok {
			return i
		}
		return -1
	}
	for i, k := range b.keys {
		if k == key {
			return i
		}
	}
	return -1
}

// Set gives key the value x: an existing member keeps its position, a new
// one goes last.
func (b *ObjectBuilder) Set(key string, x Value) {
	if i := b.find(key); i >= 0 {
		b.vals[i] = x
		return
	}
	if b.index != nil {
		b.index[key] = len(b.keys)
	}
	b.keys = append(b.keys, key)
	b.vals = append(b.vals, x)
}

// Append adds a member without looking for an existing one with the same
// key: the caller knows the key is new.
func (b *ObjectBuilder) Append(key string, x Value) {
	if b.index != nil {
		b.index[key] = len(b.keys)
	}
	b.keys = append(b.keys, key)
	b.vals = append(b.vals, x)
}

// Delete removes key if it is there.
func (b *ObjectBuilder) Delete(key string) {
	i := b.find(key)
	if i < 0 {
		return
	}
	b.keys = append(b.keys[:i], b.keys[i+1:]...)
	b.vals = append(b.vals[:i], b.vals[i+1:]...)
	b.index = nil
}

// Len returns the number of members so far.
func (b *ObjectBuilder) Len() int { return len(b.keys) }

// Value returns the object. The builder must not be used after.
func (b *ObjectBuilder) Value() Value {
	var o *object
	if b.blk != nil && cap(b.keys) == b.blkCap && cap(b.vals) == b.blkCap {
		o = b.blk
		o.keys, o.vals = b.keys, b.vals
	} else {
		o = &object{keys: b.keys, vals: b.vals}
	}
	if o.keys == nil {
		o.keys, o.vals = []string{}, []Value{}
	}
	if len(o.keys) > indexMin {
		o.index = b.index
		if o.index == nil || len(o.index) != len(o.keys) {
			o.index = make(map[string]int, len(o.keys))
			for i, k := range o.keys {
				o.index[k] = i
			}
		}
	}
	*b = ObjectBuilder{}
	o.kind = Object
	return Value{ref: unsafe.Pointer(o)}
}

// Equal reports whether a and b are the same JSON value: numbers compare by
// value, objects by their members whatever their order.
func Equal(a, b Value) bool {
	if a.Kind() != b.Kind() {
		return false
	}
	switch a.Kind() {
	case Undefined, Null:
		return true
	case Bool:
		return a.Bool() == b.Bool()
	case Number:
		return a.num == b.num
	case String:
		return a.str == b.str
	case Array:
		if a.arr() == b.arr() {
			return true
		}
		if len(a.arr().items) != len(b.arr().items) {
			return false
		}
		for i := range a.arr().items {
			if !Equal(a.arr().items[i], b.arr().items[i]) {
				return false
			}
		}
		return true
	case Object:
		if a.obj() == b.obj() {
			return true
		}
		if len(a.obj().keys) != len(b.obj().keys) {
			return false
		}
		for i, k := range a.obj().keys {
			x, ok := b.Get(k)
			if !ok || !Equal(a.obj().vals[i], x) {
				return false
			}
		}
		return true
	}
	return false
}

// maxBlock is the largest member count newBlock serves.
const maxBlock = 8

// The blocks that hold an object and the arrays of its keys and values,
// for objects whose size is known when they are built (templates, With,
// FromMembers): one allocation instead of three.
type (
	block1 struct {
		o object
		k [1]string
		v [1]Value
	}
	block2 struct {
		o object
		k [2]string
		v [2]Value
	}
	block3 struct {
		o object
		k [3]string
		v [3]Value
	}
	block4 struct {
		o object
		k [4]string
		v [4]Value
	}
	block5 struct {
		o object
		k [5]string
		v [5]Value
	}
	block6 struct {
		o object
		k [6]string
		v [6]Value
	}
	block7 struct {
		o object
		k [7]string
		v [7]Value
	}
	block8 struct {
		o object
		k [8]string
		v [8]Value
	}
)

// newBlock returns an object and empty key and value slices with room for
// n (at most maxBlock) members, all in one allocation.
func newBlock(n int) (*object, []string, []Value) {
	switch {
	case n <= 1:
		p := new(block1)
		return &p.o, p.k[:0:1], p.v[:0:1]
	case n == 2:
		p := new(block2)
		return &p.o, p.k[:0:2], p.v[:0:2]
	case n == 3:
		p := new(block3)
		return &p.o, p.k[:0:3], p.v[:0:3]
	case n == 4:
		p := new(block4)
		return &p.o, p.k[:0:4], p.v[:0:4]
	case n == 5:
		p := new(block5)
		return &p.o, p.k[:0:5], p.v[:0:5]
	case n == 6:
		p := new(block6)
		return &p.o, p.k[:0:6], p.v[:0:6]
	case n == 7:
		p := new(block7)
		return &p.o, p.k[:0:7], p.v[:0:7]
	default:
		p := new(block8)
		return &p.o, p.k[:0:8], p.v[:0:8]
	}
}
