// Package awssdk reads the shape of an AWS SDK for Go v2 operation from its
// input and output structs (github.com/aws/aws-sdk-go-v2/service/<svc>'s
// <Op>Input and <Op>Output) for the Step Functions AWS SDK integration
// (arn:aws:states:::aws-sdk:<service>:<action>).
//
// From the two reflect.Types, Lookup derives the Step Functions service
// name (the Go package name, except where the integration names the
// service differently: configservice is "config", directoryservice is
// "directory", ...), the action (GetObjectInput → "getObject"), the IAM
// actions (through package compiler/iam) and the JSON types of the
// Parameters and of the result as package compiler/flow models them:
// member names are the Go field names (the API's member names, which the
// integration uses in PascalCase); pointer and other members are optional
// unless the SDK marks them required; enums (named string types) are
// strings; []byte is a base64 string; time.Time is a timestamp string;
// documents and streams are any; unexported fields and the SDK's
// bookkeeping (ResultMetadata) are left out. A union (an interface-typed
// member such as DynamoDB's AttributeValue) is written as an object with
// one member, {"S": "text"}: reflection cannot enumerate the structs that
// implement it, so the Parameters' type takes the members from the
// source (UnionDocs: the <Union>Member<Name> structs and their Value
// field), and the result's type keeps unions as any, which the Go types
// generated for results can decode.
//
// Reflection does not see which members are required: the SDK says so in
// the doc comment of each struct field ("This member is required.", the
// same members its validators.go checks). A Docs reads them; SourceDocs
// finds the package's source with `go list` and parses it with go/parser,
// which is what `goasl generate` does in the driver program it runs in the
// user's module, where the SDK modules the workflows use are required.
//
// goasl itself imports no SDK module: the user's module brings the
// services its workflows call.
package awssdk
