package dsl

import "strings"

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

// ddbCommon holds the options every DynamoDB helper has.
type ddbCommon[S any] struct{ i integration[S] }

// ExpressionAttributeNames sets the substitutes for attribute names in the
// expressions: an Obj from "#name" to the attribute name.
func (d ddbCommon[S]) ExpressionAttributeNames(v any) S {
	return d.i.set("ExpressionAttributeNames", v)
}

// ReturnConsumedCapacity asks for the capacity the call consumed (INDEXES,
// TOTAL or NONE).
func (d ddbCommon[S]) ReturnConsumedCapacity(v any) S {
	return d.i.set("ReturnConsumedCapacity", v)
}

// ddbWrite holds the options of the DynamoDB writes (putItem, updateItem,
// deleteItem).
type ddbWrite[S any] struct{ i integration[S] }

// ConditionExpression makes the write conditional; the task fails with
// DynamoDB.ConditionalCheckFailedException when the condition is false.
func (d ddbWrite[S]) ConditionExpression(v any) S { return d.i.set("ConditionExpression", v) }

// ExpressionAttributeValues sets the values the expressions use: an Obj
// from ":name" to an attribute value such as DynamoDBString(...).
func (d ddbWrite[S]) ExpressionAttributeValues(v any) S {
	return d.i.set("ExpressionAttributeValues", v)
}

// ReturnValues says which attributes of the item the call returns.
func (d ddbWrite[S]) ReturnValues(v DynamoDBReturnValues) S {
	return d.i.setPlain("ReturnValues", v)
}

// ReturnItemCollectionMetrics asks for item collection metrics (SIZE or
// NONE).
func (d ddbWrite[S]) ReturnItemCollectionMetrics(v any) S {
	return d.i.set("ReturnItemCollectionMetrics", v)
}

// DynamoDBGetItemTask reads an item from a DynamoDB table
// (dynamodb:getItem). Request Response only.
type DynamoDBGetItemTask struct {
	integration[*DynamoDBGetItemTask]
	ddbCommon[*DynamoDBGetItemTask]
}

// DynamoDBGetItem reads the item with the given primary key (Key: an Obj
// from attribute name to attribute value) from a table (TableName).
func DynamoDBGetItem(table, key any) *DynamoDBGetItemTask {
	x := &DynamoDBGetItemTask{}
	x.integration = optimized(x, "dynamodb", "getItem", 0, "TableName", table, "Key", key)
	x.ddbCommon = ddbCommon[*DynamoDBGetItemTask]{x.integration}
	return x
}

// ConsistentRead asks for a strongly consistent read.
func (x *DynamoDBGetItemTask) ConsistentRead(v any) *DynamoDBGetItemTask {
	return x.set("ConsistentRead", v)
}

// ProjectionExpression selects the attributes to return.
func (x *DynamoDBGetItemTask) ProjectionExpression(v any) *DynamoDBGetItemTask {
	return x.set("ProjectionExpression", v)
}

// DynamoDBPutItemTask writes an item to a DynamoDB table
// (dynamodb:putItem). Request Response only.
type DynamoDBPutItemTask struct {
	integration[*DynamoDBPutItemTask]
	ddbCommon[*DynamoDBPutItemTask]
	ddbWrite[*DynamoDBPutItemTask]
}

// DynamoDBPutItem writes item (Item: an Obj from attribute name to
// attribute value) to a table (TableName), replacing any item with the
// same key.
func DynamoDBPutItem(table, item any) *DynamoDBPutItemTask {
	x := &DynamoDBPutItemTask{}
	x.integration = optimized(x, "dynamodb", "putItem", 0, "TableName", table, "Item", item)
	x.ddbCommon = ddbCommon[*DynamoDBPutItemTask]{x.integration}
	x.ddbWrite = ddbWrite[*DynamoDBPutItemTask]{x.integration}
	return x
}

// DynamoDBUpdateItemTask updates an item of a DynamoDB table
// (dynamodb:updateItem). Request Response only.
type DynamoDBUpdateItemTask struct {
	integration[*DynamoDBUpdateItemTask]
	ddbCommon[*DynamoDBUpdateItemTask]
	ddbWrite[*DynamoDBUpdateItemTask]
}

// DynamoDBUpdateItem updates the item with the given primary key (Key) of a
// table (TableName). Say how with UpdateExpression.
func DynamoDBUpdateItem(table, key any) *DynamoDBUpdateItemTask {
	x := &DynamoDBUpdateItemTask{}
	x.integration = optimized(x, "dynamodb", "updateItem", 0, "TableName", table, "Key", key)
	x.ddbCommon = ddbCommon[*DynamoDBUpdateItemTask]{x.integration}
	x.ddbWrite = ddbWrite[*DynamoDBUpdateItemTask]{x.integration}
	return x
}

// UpdateExpression sets the update to make, e.g. "SET #n = :v".
func (x *DynamoDBUpdateItemTask) UpdateExpression(v any) *DynamoDBUpdateItemTask {
	return x.set("UpdateExpression", v)
}

// DynamoDBDeleteItemTask deletes an item of a DynamoDB table
// (dynamodb:deleteItem). Request Response only.
type DynamoDBDeleteItemTask struct {
	integration[*DynamoDBDeleteItemTask]
	ddbCommon[*DynamoDBDeleteItemTask]
	ddbWrite[*DynamoDBDeleteItemTask]
}

// DynamoDBDeleteItem deletes the item with the given primary key (Key) from
// a table (TableName).
func DynamoDBDeleteItem(table, key any) *DynamoDBDeleteItemTask {
	x := &DynamoDBDeleteItemTask{}
	x.integration = optimized(x, "dynamodb", "deleteItem", 0, "TableName", table, "Key", key)
	x.ddbCommon = ddbCommon[*DynamoDBDeleteItemTask]{x.integration}
	x.ddbWrite = ddbWrite[*DynamoDBDeleteItemTask]{x.integration}
	return x
}
