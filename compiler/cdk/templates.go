package cdk

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sort"
)

// MaxTemplateBytes is the largest template CloudFormation accepts from S3
// (1 MB). The CDK does not check it when it synthesizes.
const MaxTemplateBytes = 1 << 20

// CheckTemplates checks the size of every CloudFormation template
// (*.template.json) in a cloud assembly directory, such as the one
// app.Synth(nil).Directory() names, and returns an error naming each that
// is over MaxTemplateBytes. It reads files only: no jsii call.
func CheckTemplates(dir string) error {
	paths, err := filepath.Glob(filepath.Join(dir, "*.template.json"))
	if err != nil {
		return fmt.Errorf("cdk: checking templates in %s: %w", dir, err)
	}
	if len(paths) == 0 {
		return fmt.Errorf("cdk: no *.template.json in %s: is it a cloud assembly (cdk.out)?", dir)
	}
	sort.Strings(paths)
	var errs []error
	for _, p := range paths {
		fi, err := os.Stat(p)
		if err != nil {
			errs = append(errs, fmt.Errorf("cdk: %w", err))
			continue
		}
		if fi.Size() > MaxTemplateBytes {
			errs = append(errs, fmt.Errorf("cdk: template %s is %d bytes, over the 1 MB (%d bytes) CloudFormation accepts: split the stack or move state machines to stacks of their own", filepath.Base(p), fi.Size(), MaxTemplateBytes))
		}
	}
	return errors.Join(errs...)
}
