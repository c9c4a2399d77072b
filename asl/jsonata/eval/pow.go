package eval

import (
	"math"
	"math/big"
	"sync"
)

// powPrec is the working precision of pow, far beyond float64's 53 bits,
// so that rounding the result to float64 gives the correctly rounded
// power.
const powPrec = 128

var (
	ln2Once sync.Once
	ln2Big  *big.Float
)

func ln2() *big.Float {
	ln2Once.Do(func() { ln2Big = lnMantissa(big.NewFloat(0.5).SetPrec(powPrec)) })
	r := new(big.Float).SetPrec(powPrec).Neg(ln2Big) // ln(0.5) = -ln 2
	return r
}

// lnMantissa is ln(m) for m in [0.5, 1]: m is brought near 1 by taking
// its square root 8 times, then ln m = 2^8 * 2 atanh((m-1)/(m+1)).
func lnMantissa(m *big.Float) *big.Float {
	m = new(big.Float).SetPrec(powPrec).Set(m)
	for i := 0; i < 8; i++ {
		m.Sqrt(m)
	}
	one := big.NewFloat(1).SetPrec(powPrec)
	num := new(big.Float).SetPrec(powPrec).Sub(m, one)
	den := new(big.Float).SetPrec(powPrec).Add(m, one)
	z := new(big.Float).SetPrec(powPrec).Quo(num, den)
	z2 := new(big.Float).SetPrec(powPrec).Mul(z, z)
	sum := new(big.Float).SetPrec(powPrec).Set(z)
	term := new(big.Float).SetPrec(powPrec).Set(z)
	for k := 3; k < 400; k += 2 {
		term.Mul(term, z2)
		t := new(big.Float).SetPrec(powPrec).Quo(term, big.NewFloat(float64(k)))
		if t.Sign() == 0 || t.MantExp(nil)-sum.MantExp(nil) < -powPrec-8 {
			break
		}
		sum.Add(sum, t)
	}
	return sum.SetMantExp(sum, 9) // * 2 * 2^8
}

// bigLn is the natural logarithm of x > 0.
func bigLn(x float64) *big.Float {
	frac, exp := math.Frexp(x) // x = frac * 2^exp, frac in [0.5, 1)
	r := lnMantissa(new(big.Float).SetPrec(powPrec).SetFloat64(frac))
	l2 := ln2()
	return r.Add(r, l2.Mul(l2, big.NewFloat(float64(exp))))
}

// bigExp is e^t, or ok false when it is far outside float64's range.
func bigExp(t *big.Float) (float64, bool) {
	l2 := ln2()
	kf := new(big.Float).SetPrec(powPrec).Quo(t, l2)
	k, _ := kf.Float64()
	if math.IsInf(k, 0) || math.Abs(k) > 2000 {
		return 0, false
	}
	k = math.Round(k)
	// r = t - k ln 2, |r| <= ln2/2; e^t = 2^k e^r
	r := new(big.Float).SetPrec(powPrec).Sub(t, l2.Mul(l2, big.NewFloat(k)))
	// e^r by Taylor series on r/2^8, squared 8 times
	r.SetMantExp(r, -8)
	sum := big.NewFloat(1).SetPrec(powPrec)
	term := big.NewFloat(1).SetPrec(powPrec)
	for n := 1; n < 200; n++ {
		term.Mul(term, r)
		term.Quo(term, big.NewFloat(float64(n)))
		if term.Sign() == 0 || term.MantExp(nil) < -powPrec-8 {
			break
		}
		sum.Add(sum, term)
	}
	for i := 0; i < 8; i++ {
		sum.Mul(sum, sum)
	}
	sum.SetMantExp(sum, int(k))
	f, _ := sum.Float64()
	return f, true
}

// intPow is b^n for a whole n, by squaring at powPrec bits.
func intPow(b float64, n int) float64 {
	neg := n < 0
	if neg {
		n = -n
	}
	acc := big.NewFloat(1).SetPrec(powPrec)
	sq := new(big.Float).SetPrec(powPrec).SetFloat64(b)
	for n > 0 {
		if n&1 == 1 {
			acc.Mul(acc, sq)
		}
		n >>= 1
		if n > 0 {
			sq.Mul(sq, sq)
		}
	}
	if neg {
		acc.Quo(big.NewFloat(1).SetPrec(powPrec), acc)
	}
	f, _ := acc.Float64()
	return f
}

// jsPow is Math.pow. V8 computes it with fdlibm's algorithm, which gives
// the correctly rounded power in almost every case; goasl computes the
// correctly rounded power (Go's math.Pow is off by an ulp or more more
// often: 1.1^10, 3.7^13). The special cases are JavaScript's. A whole
// exponent costs a few big.Float products; another exponent, a logarithm
// and an exponential at 128 bits (tens of microseconds).
func jsPow(b, e float64) float64 {
	switch {
	case math.IsNaN(e):
		return math.NaN()
	case (b == 1 || b == -1) && math.IsInf(e, 0):
		return math.NaN()
	case e == 0:
		return 1
	case math.IsNaN(b), math.IsInf(b, 0), math.IsInf(e, 0), b == 0:
		return math.Pow(b, e)
	case e == 1:
		return b
	case e == 0.5 && b > 0:
		return math.Sqrt(b) // fdlibm's special case, correctly rounded
	}
	neg := false
	if b < 0 {
		if e != math.Trunc(e) {
			return math.NaN()
		}
		neg = math.Mod(e, 2) != 0
		b = -b
	}
	var r float64
	if e == math.Trunc(e) && math.Abs(e) <= 1<<20 {
		r = intPow(b, int(e))
	} else {
		t := bigLn(b)
		t.Mul(t, new(big.Float).SetPrec(powPrec).SetFloat64(e))
		var ok bool
		if r, ok = bigExp(t); !ok {
			r = math.Pow(b, e) // 0 or Inf
		}
	}
	if neg {
		r = -r
	}
	return r
}
