// Package driver is the heart of the temporary program that goasl generate
// and goasl compile build inside the user's module: it calls each workflow
// function, compiles the workflow, renders the output files and writes the
// results to a file for the goasl command to read. Users do not import it.
//
// Results go through a file, never standard output, so that a workflow
// function that prints cannot corrupt them.
package driver
