package dslgen

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/goasl/goasl/asl"
)

// TestTemplateSubstitutions checks the names the import gives
// CloudFormation expressions: a name the definition or the template's
// DefinitionSubstitutions uses already for something else is not reused,
// the same expression gets the same name, and an expression that
// DefinitionSubstitutions gives takes its key.
func TestTemplateSubstitutions(t *testing.T) {
	tmpl := `{"Resources": {"M": {"Type": "AWS::StepFunctions::StateMachine", "Properties": {
  "DefinitionSubstitutions": {"Stage": "prod", "Fn": {"Fn::GetAtt": ["ChargeFn", "Arn"]}},
  "Definition": {"StartAt": "A", "States": {"A": {"Type": "Pass", "Parameters": {
    "given": "${Stage}",
    "ref": {"Ref": "Stage"},
    "again": {"Ref": "Stage"},
    "fn": {"Fn::GetAtt": ["ChargeFn", "Arn"]},
    "dotted": {"Fn::GetAtt": "ChargeFn.Arn"},
    "region": {"Ref": "AWS::Region"},
    "sub": {"Fn::Sub": "arn:${AWS::Partition}:s3:::b"},
    "list": [{"Fn::ImportValue": "shared-queue"}]
  }, "End": true}}}}}}}`
	defs, err := ReadDefinitions("t.json", []byte(tmpl), true)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, s := range defs[0].Substitutions {
		got = append(got, s.String())
	}
	want := []string{
		"${Stage2} at /States/A/Parameters/ref stands for the CloudFormation expression !Ref Stage (template line 5); give it as a DefinitionSubstitution",
		"${Stage2} at /States/A/Parameters/again stands for the CloudFormation expression !Ref Stage (template line 6); give it as a DefinitionSubstitution",
		"${Fn} at /States/A/Parameters/fn stands for the CloudFormation expression !GetAtt ChargeFn.Arn (template line 7); the template's DefinitionSubstitutions gives it",
		"${Fn} at /States/A/Parameters/dotted stands for the CloudFormation expression !GetAtt ChargeFn.Arn (template line 8); the template's DefinitionSubstitutions gives it",
		"${AWSRegion} at /States/A/Parameters/region stands for the CloudFormation expression !Ref AWS::Region (template line 9); give it as a DefinitionSubstitution",
		`${Sub} at /States/A/Parameters/sub stands for the CloudFormation expression !Sub "arn:${AWS::Partition}:s3:::b" (template line 10); give it as a DefinitionSubstitution`,
		`${Value} at /States/A/Parameters/list/0 stands for the CloudFormation expression !ImportValue "shared-queue" (template line 11); give it as a DefinitionSubstitution`,
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	data := string(defs[0].Data)
	for _, p := range []string{`"${Stage}"`, `"${Stage2}"`, `"${Fn}"`, `"${AWSRegion}"`, `"${Sub}"`, `"${Value}"`} {
		if !strings.Contains(data, p) {
			t.Errorf("the definition has no %s:\n%s", p, data)
		}
	}
	if strings.Contains(data, "Fn::") || strings.Contains(data, `"Ref"`) {
		t.Errorf("an expression is left in the definition:\n%s", data)
	}
}

// FuzzTemplate checks that reading a template never panics, and that what
// it accepts is a definition in JSON with no CloudFormation expression
// left in it and a valid placeholder for each one it replaced.
func FuzzTemplate(f *testing.F) {
	for _, name := range []string{"intrinsics.yaml", "template.json"} {
		data, err := os.ReadFile(filepath.Join("testdata", "golden", name))
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data, strings.HasSuffix(name, ".yaml"))
	}
	f.Add([]byte("Resources:\n  M:\n    Type: AWS::StepFunctions::StateMachine\n    Properties:\n      Definition:\n        StartAt: !Ref X\n        States: !If [a, b, c]\n"), true)
	f.Fuzz(func(t *testing.T, data []byte, yaml bool) {
		file := "t.json"
		if yaml {
			file = "t.yaml"
		}
		defs, err := ReadDefinitions(file, data, true)
		if err != nil {
			return
		}
		for _, d := range defs {
			if _, err := asl.ParseValue(d.Data); err != nil && d.Substitutions != nil {
				t.Fatalf("definition %s with substitutions is not JSON: %v", d.Name, err)
			}
			for _, s := range d.Substitutions {
				if _, ok := refName("${" + s.Name + "}"); !ok {
					t.Fatalf("substitution name %q is not a placeholder name", s.Name)
				}
			}
		}
	})
}
