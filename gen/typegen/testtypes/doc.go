// Package testtypes holds the user types the typegen tests declare, in an
// importable package so that generated code (compiled by the tests, also
// from a temporary module) can refer to them. It is not for other use.
package testtypes
