// Package aslcheck runs AWS's two npm ASL validators over ASL files from Go
// tests.
//
// The validators are amazon-states-language-service (AWS's own, used by the
// AWS Toolkit) and asl-validator, pinned in tools/npm/package.json and
// installed into tools/npm/node_modules by `bash scripts/test.sh` (which runs
// `npm ci --ignore-scripts --no-audit --no-fund` there). They catch different
// mistakes, so both are run. Validate starts one Node.js process for a whole
// list of files (tools/npm/validate.js) and reads the verdicts back from a
// results file, never from the process's standard output.
//
// A test that needs the validators calls Require first: it skips the test
// with a message saying how to install them when Node.js or the packages are
// missing, except under CI (CI=true), where it fails the test instead.
//
// The package's own tests prove the harness is not vacuous (known-bad
// fixtures are flagged by the validator expected to catch them) and hold the
// suite-wide TestGoldenASLPassesValidators, which requires every golden ASL
// file of the repository to pass both validators.
package aslcheck
