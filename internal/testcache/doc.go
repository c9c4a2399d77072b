// Package testcache helps goasl's tests stay cacheable by the go command.
//
// go test reuses a package's last result only when every file and
// directory inside the module that the test opened or stat'ed is as it
// was (size, mode, modification time; for a directory, its listing). The
// module root and the package directories change whenever a file is
// created in them (goasl generate's driver directory, an editor's
// temporary file), so a test that stats or lists them runs every time.
// go/importer's "source" mode stats every directory from the file system
// root down to each package it imports; Importer reads the export data the
// go command builds instead. CheckInputs asserts, in the test suite, that a
// test touches no such directory.
package testcache
