package flow

import "github.com/goasl/goasl/asl"

func (in *inferrer) stateJSONata(st *asl.State, ptr string, info *StateInfo, v vars, mc *mapCtx, depth int, record bool) ([]edge, *Type) {
	return nil, nil
}

func (in *inferrer) value(v asl.Value, e *env, ptr string) *Type { return AnyType }
