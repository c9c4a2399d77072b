package dsl

import (
	"strings"

	"github.com/goasl/goasl/internal/ir"
)

// DynamoDBReturnValues says which item attributes a DynamoDB write returns
// (ReturnValues).
type DynamoDBReturnValues string

// The ReturnValues DynamoDB accepts. PutItem and DeleteItem accept only
// ReturnNone and ReturnAllOld; UpdateItem accepts all five.
const (
	ReturnNone       DynamoDBReturnValues = "NONE"
	ReturnAllOld     DynamoDBReturnValues = "ALL_OLD"
	ReturnUpdatedOld DynamoDBReturnValues = "UPDATED_OLD"
	ReturnAllNew     DynamoDBReturnValues = "ALL_NEW"
	ReturnUpdatedNew DynamoDBReturnValues = "UPDATED_NEW"
)

// DynamoDBString returns the DynamoDB attribute value {"S": v}.
func DynamoDBString(v any) Obj { return Obj{"S": v} }

// DynamoDBNumber returns the DynamoDB attribute value {"N": v}. DynamoDB
// takes numbers as strings, so a Go number is written as its decimal text;
// a Path or Expr must yield a string (use States.JsonToString or $string).
func DynamoDBNumber(v any) Obj {
	if s, ok := numberText(v); ok && !strings.ContainsAny(s, "IN") {
		return Obj{"N": s}
	}
	// Not a finite Go number (a Path, an Expr, or NaN and ±Inf, which the
	// compiler reports): written as given.
	return Obj{"N": v}
}

// DynamoDBBool returns the DynamoDB attribute value {"BOOL": v}.
func DynamoDBBool(v any) Obj { return Obj{"BOOL": v} }

// ExpressionAttributeNames sets the substitutes for attribute names in the
// expressions: an Obj from "#name" to the attribute name.
//
//dsl:group ddbCommon
func (c *core) expressionAttributeNames(pos ir.Pos, v any) {
	c.param(pos, "ExpressionAttributeNames", v)
}

// ReturnConsumedCapacity asks for the capacity the call consumed (INDEXES,
// TOTAL or NONE).
//
//dsl:group ddbCommon
func (c *core) returnConsumedCapacity(pos ir.Pos, v any) {
	c.param(pos, "ReturnConsumedCapacity", v)
}

// ConditionExpression makes the write conditional; the task fails with
// DynamoDB.ConditionalCheckFailedException when the condition is false.
//
//dsl:group ddbWrite
func (c *core) conditionExpression(pos ir.Pos, v any) { c.param(pos, "ConditionExpression", v) }

// ExpressionAttributeValues sets the values the expressions use: an Obj
// from ":name" to an attribute value such as DynamoDBString(...).
//
//dsl:group ddbWrite
func (c *core) expressionAttributeValues(pos ir.Pos, v any) {
	c.param(pos, "ExpressionAttributeValues", v)
}

// ReturnValues says which attributes of the item the call returns.
//
//dsl:group ddbWrite
func (c *core) returnValues(pos ir.Pos, v DynamoDBReturnValues) {
	c.param(pos, "ReturnValues", plain(v))
}

// ReturnItemCollectionMetrics asks for item collection metrics (SIZE or
// NONE).
//
//dsl:group ddbWrite
func (c *core) returnItemCollectionMetrics(pos ir.Pos, v any) {
	c.param(pos, "ReturnItemCollectionMetrics", v)
}

// DynamoDBGetItemTask reads an item from a DynamoDB table
// (dynamodb:getItem). Request Response only.
//
//dsl:mixin x with ddbCommon
type DynamoDBGetItemTask struct{ *TaskState }

// DynamoDBGetItem reads the item with the given primary key (Key: an Obj
// from attribute name to attribute value) from a table (TableName).
func DynamoDBGetItem(table, key any) *DynamoDBGetItemTask {
	x := &DynamoDBGetItemTask{}
	x.TaskState = optimized("dynamodb", "getItem", 0, "TableName", table, "Key", key)
	return x
}

// ConsistentRead asks for a strongly consistent read.
func (x *DynamoDBGetItemTask) ConsistentRead(v any) *DynamoDBGetItemTask {
	return set(x, "ConsistentRead", v)
}

// ProjectionExpression selects the attributes to return.
func (x *DynamoDBGetItemTask) ProjectionExpression(v any) *DynamoDBGetItemTask {
	return set(x, "ProjectionExpression", v)
}

// DynamoDBPutItemTask writes an item to a DynamoDB table
// (dynamodb:putItem). Request Response only.
//
//dsl:mixin x with ddbCommon ddbWrite
type DynamoDBPutItemTask struct{ *TaskState }

// DynamoDBPutItem writes item (Item: an Obj from attribute name to
// attribute value) to a table (TableName), replacing any item with the
// same key.
func DynamoDBPutItem(table, item any) *DynamoDBPutItemTask {
	x := &DynamoDBPutItemTask{}
	x.TaskState = optimized("dynamodb", "putItem", 0, "TableName", table, "Item", item)
	return x
}

// DynamoDBUpdateItemTask updates an item of a DynamoDB table
// (dynamodb:updateItem). Request Response only.
//
//dsl:mixin x with ddbCommon ddbWrite
type DynamoDBUpdateItemTask struct{ *TaskState }

// DynamoDBUpdateItem updates the item with the given primary key (Key) of a
// table (TableName). Say how with UpdateExpression.
func DynamoDBUpdateItem(table, key any) *DynamoDBUpdateItemTask {
	x := &DynamoDBUpdateItemTask{}
	x.TaskState = optimized("dynamodb", "updateItem", 0, "TableName", table, "Key", key)
	return x
}

// UpdateExpression sets the update to make, e.g. "SET #n = :v".
func (x *DynamoDBUpdateItemTask) UpdateExpression(v any) *DynamoDBUpdateItemTask {
	return set(x, "UpdateExpression", v)
}

// DynamoDBDeleteItemTask deletes an item of a DynamoDB table
// (dynamodb:deleteItem). Request Response only.
//
//dsl:mixin x with ddbCommon ddbWrite
type DynamoDBDeleteItemTask struct{ *TaskState }

// DynamoDBDeleteItem deletes the item with the given primary key (Key) from
// a table (TableName).
func DynamoDBDeleteItem(table, key any) *DynamoDBDeleteItemTask {
	x := &DynamoDBDeleteItemTask{}
	x.TaskState = optimized("dynamodb", "deleteItem", 0, "TableName", table, "Key", key)
	return x
}
