package cdk

// DocumentSize exposes documentSize to the tests of package cdk_test.
var DocumentSize = documentSize
