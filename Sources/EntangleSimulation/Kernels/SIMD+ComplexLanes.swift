import CKernelSupport
import RealModule

/// Complex arithmetic on SIMD vectors holding interleaved amplitudes (re, im, re, im, …).
///
/// A vector of `scalarCount` scalars holds `scalarCount / 2` complex lanes. Every
/// shuffle here is written as a loop over constant lane indices, which the optimiser
/// turns into one shuffle instruction once the vector type and the lane distance are
/// known; Swift's runtime-index swizzle subscript goes through memory instead.
extension SIMD where Scalar: FloatingPoint {
  /// The vector with the real and imaginary part of every complex lane exchanged.
  @inline(__always)
  var swappedRealImaginary: Self {
    if MemoryLayout<Self>.size == 64 {
      // As eight 64-bit words: per-scalar shuffles of SIMD16<Float> compile poorly (see
      // `xorLanes`). A Float lane is one word, whose halves rotate; a Double lane is two.
      let words = unsafeBitCast(self, to: SIMD8<UInt64>.self)
      if MemoryLayout<Scalar>.size == 4 {
        return unsafeBitCast(words &<< 32 | words &>> 32, to: Self.self)
      }
      var moved = words
      for word in 0..<8 { moved[word] = words[word ^ 1] }
      return unsafeBitCast(moved, to: Self.self)
    }
    var result = self
    for lane in 0..<scalarCount { result[lane] = self[lane ^ 1] }
    return result
  }

  /// The vector whose complex lane `i` is this vector's complex lane `i ^ distance`.
  ///
  /// `distance` must be a constant after inlining (see `exchangingLanes(_:)`).
  @inline(__always)
  func xorLanes(_ distance: Int) -> Self {
    if MemoryLayout<Self>.size == 64 {
      // Moved as eight 64-bit words (one or half a complex each): per-scalar shuffles of
      // SIMD16<Float> were compiled into dozens of single-element inserts.
      let words = unsafeBitCast(self, to: SIMD8<UInt64>.self)
      let wordsPerLane = MemoryLayout<Scalar>.size / 4
      var moved = words
      for word in 0..<8 { moved[word] = words[word ^ (wordsPerLane &* distance)] }
      return unsafeBitCast(moved, to: Self.self)
    }
    var result = self
    for lane in 0..<scalarCount { result[lane] = self[lane ^ (2 &* distance)] }
    return result
  }

  /// −1 in the real and +1 in the imaginary part of every lane: times
  /// `swappedRealImaginary`, it turns (x, y) into i·(x, y) = (−y, x).
  @inline(__always)
  static var realSigns: Self {
    var signs = Self(repeating: 1)
    for scalar in stride(from: 0, to: scalarCount, by: 2) { signs[scalar] = -1 }
    return signs
  }

  /// Exchanges complex-lane bit `distance` with the bit that tells `lower` from `upper`:
  /// afterwards `lower` holds the lanes of both whose bit is clear and `upper` those whose
  /// bit is set, each at its lane in `lower` or `upper`. Applied twice, it restores both.
  ///
  /// One two-source shuffle per vector; `distance` (1, 2 or 4) must be a constant after
  /// inlining. With `opaque`, 64-byte results are hidden from the optimiser (see
  /// `entangle_opaque_double8`), so that a run of exchanges is not merged into costlier
  /// many-source permutations.
  @inline(__always)
  static func exchangeLaneBit(_ lower: inout Self, _ upper: inout Self, distance: Int, opaque: Bool = false) {
    if MemoryLayout<Self>.size == 64 {
      let low = unsafeBitCast(lower, to: SIMD8<UInt64>.self)
      let high = unsafeBitCast(upper, to: SIMD8<UInt64>.self)
      let bit = MemoryLayout<Scalar>.size / 4 &* distance
      var newLow = low
      var newHigh = high
      for word in 0..<8 where word & bit != 0 {
        newLow[word] = high[word ^ bit]
        newHigh[word ^ bit] = low[word]
      }
      lower = unsafeBitCast(newLow, to: Self.self)
      upper = unsafeBitCast(newHigh, to: Self.self)
      if opaque {
        // Merged by LLVM, two exchanges of four vectors took 20 shuffles instead of 8.
        lower = unsafeBitCast(entangle_opaque_double8(unsafeBitCast(lower, to: SIMD8<Double>.self)), to: Self.self)
        upper = unsafeBitCast(entangle_opaque_double8(unsafeBitCast(upper, to: SIMD8<Double>.self)), to: Self.self)
      }
      return
    }
    let bit = 2 &* distance
    let (low, high) = (lower, upper)
    for scalar in 0..<scalarCount where scalar & bit != 0 {
      lower[scalar] = high[scalar ^ bit]
      upper[scalar ^ bit] = low[scalar]
    }
  }

  /// The vector whose complex lane `i` is this vector's complex lane `i ^ distance`,
  /// for a runtime `distance` below 8, dispatched to constant shuffles.
  @inline(__always)
  func exchangingLanes(_ distance: Int) -> Self {
    switch distance {
    case 0: return self
    case 1: return xorLanes(1)
    case 2: return xorLanes(2)
    case 3: return xorLanes(3)
    case 4: return xorLanes(4)
    case 5: return xorLanes(5)
    case 6: return xorLanes(6)
    default: return xorLanes(7)
    }
  }
}

extension SIMD where Scalar: Real {
  /// `self + a * b`, lane by lane, as fused multiply-adds where the build's target CPU has
  /// them and as a multiply and an add where it has not.
  ///
  /// `Relaxed.multiplyAdd` lets LLVM choose; the lanes are vectorised back into one
  /// instruction. `addingProduct` instead demands the exact fused result, which a build
  /// without `-target-cpu` computes with a call to `fma` per lane.
  @inline(__always)
  func addingRelaxedProduct(_ a: Self, _ b: Self) -> Self {
    var result = Self()
    for lane in 0..<scalarCount { result[lane] = Relaxed.multiplyAdd(a[lane], b[lane], self[lane]) }
    return result
  }
}

/// A complex coefficient per complex lane, split for multiplication without shuffling it.
///
/// `real` holds (a, a, …) and `imaginary` holds (−b, b, …) for the coefficient a + bi, so
/// that (a + bi)(x + yi) = a·(x, y) + (−b, b)·(y, x): two multiplies and one shuffle.
struct LaneCoefficient<Vector: SIMD> where Vector.Scalar: AmplitudeScalar {
  var real: Vector
  var imaginary: Vector

  /// The same coefficient in every lane.
  @inline(__always)
  init(_ real: Double, _ imaginary: Double) {
    self.real = Vector(repeating: Vector.Scalar(real))
    var signed = Vector(repeating: Vector.Scalar(imaginary))
    for lane in stride(from: 0, to: Vector.scalarCount, by: 2) { signed[lane] = -signed[lane] }
    self.imaginary = signed
  }

  /// Per-lane coefficients: complex lane `i` gets `value(i)`.
  @inline(__always)
  init(lanes value: (Int) -> (real: Double, imaginary: Double)) {
    var real = Vector()
    var imaginary = Vector()
    for lane in 0..<Vector.scalarCount / 2 {
      let (re, im) = value(lane)
      real[2 &* lane] = Vector.Scalar(re)
      real[2 &* lane &+ 1] = Vector.Scalar(re)
      imaginary[2 &* lane] = Vector.Scalar(-im)
      imaginary[2 &* lane &+ 1] = Vector.Scalar(im)
    }
    self.real = real
    self.imaginary = imaginary
  }

  /// This coefficient times `amplitudes`, lane by lane: a multiply and a fused
  /// multiply-add.
  @inline(__always)
  func times(_ amplitudes: Vector) -> Vector {
    (real * amplitudes).addingRelaxedProduct(imaginary, amplitudes.swappedRealImaginary)
  }

  /// `sum` plus this coefficient times `amplitudes`, lane by lane: two fused multiply-adds.
  ///
  /// Swift never contracts `a * b + c` by itself; fused, a one-qubit pair of vectors is
  /// 2 multiplies and 6 fused multiply-adds instead of 8 multiplies and 6 adds, which
  /// matters once a block sits in cache.
  @inline(__always)
  func times(_ amplitudes: Vector, plus sum: Vector) -> Vector {
    sum.addingRelaxedProduct(real, amplitudes)
      .addingRelaxedProduct(imaginary, amplitudes.swappedRealImaginary)
  }

  /// The coefficient stored at `coefficient` times `amplitudes`.
  ///
  /// Reads the coefficient through scalar pointers: the same product on whole SIMD values
  /// loaded from memory was compiled into partial vectors (Swift 6.3, LLVM's SLP
  /// vectoriser) inside `StateKernels.permuteVectors`.
  @inline(__always)
  static func product(of coefficient: UnsafePointer<Self>, and amplitudes: Vector) -> Vector {
    let real = UnsafeRawPointer(coefficient).assumingMemoryBound(to: Vector.Scalar.self)
    let imaginary = real + Vector.scalarCount
    let swapped = amplitudes.swappedRealImaginary
    var result = Vector()
    for lane in 0..<Vector.scalarCount {
      result[lane] = real[lane] * amplitudes[lane] + imaginary[lane] * swapped[lane]
    }
    return result
  }
}
