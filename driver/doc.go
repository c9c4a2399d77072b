// Package driver is the heart of the program that goasl generate and goasl
// compile build in the user's module: it calls each workflow function
// (each within the request's timeout), compiles the workflow, renders the
// output files and writes the results to a file for the goasl command to
// read. Users do not import it.
//
// Results go through a file, never standard output, so that a workflow
// function that prints cannot corrupt them; before each function, the
// driver names it in a file beside the results (RunningFile), so that
// goasl can name a function that ends the program.
package driver
