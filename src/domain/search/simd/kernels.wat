;; Kernels of the matching indexes (WebAssembly 128-bit SIMD, no relaxed-simd), assembled by
;; `npm run build:wasm` into kernels-wasm.ts. Every function reads and writes the imported memory only at
;; the byte offsets it is given. arena.ts mirrors `bounds` and the floors in plain JS; the reference of
;; `structured` is PostingIndex's own loop. Tests check that each pair gives the same numbers.
;;
;; Row codes are int8, the query int16, rows padded to a stride that is a multiple of 16 bytes (zeros).
(module
  (memory (import "env" "memory") 1)

  ;; Σ_i codes[p + i] · query[i] over one row of `stride` bytes, exactly, in i32.
  ;; The caller bounds the query codes so that no partial sum can overflow (127 · stride · qmax < 2³¹).
  (func $dotI8 (param $query i32) (param $p i32) (param $stride i32) (result i32)
    (local $end i32) (local $v v128) (local $w v128) (local $acc v128) (local $acc2 v128)
    (local.set $end (i32.add (local.get $p) (local.get $stride)))
    ;; 32 bytes a turn into two accumulators, then the last 16 when the stride is an odd multiple of 16.
    (block $pairs
      (loop $lanes
        (br_if $pairs (i32.gt_u (i32.add (local.get $p) (i32.const 32)) (local.get $end)))
        (local.set $v (v128.load (local.get $p)))
        (local.set $w (v128.load offset=16 (local.get $p)))
        (local.set $acc
          (i32x4.add (local.get $acc)
            (i32x4.dot_i16x8_s (i16x8.extend_low_i8x16_s (local.get $v)) (v128.load (local.get $query)))))
        (local.set $acc2
          (i32x4.add (local.get $acc2)
            (i32x4.dot_i16x8_s (i16x8.extend_high_i8x16_s (local.get $v)) (v128.load offset=16 (local.get $query)))))
        (local.set $acc
          (i32x4.add (local.get $acc)
            (i32x4.dot_i16x8_s (i16x8.extend_low_i8x16_s (local.get $w)) (v128.load offset=32 (local.get $query)))))
        (local.set $acc2
          (i32x4.add (local.get $acc2)
            (i32x4.dot_i16x8_s (i16x8.extend_high_i8x16_s (local.get $w)) (v128.load offset=48 (local.get $query)))))
        (local.set $p (i32.add (local.get $p) (i32.const 32)))
        (local.set $query (i32.add (local.get $query) (i32.const 64)))
        (br $lanes)))
    (if (i32.lt_u (local.get $p) (local.get $end))
      (then
        (local.set $v (v128.load (local.get $p)))
        (local.set $acc
          (i32x4.add (local.get $acc)
            (i32x4.dot_i16x8_s (i16x8.extend_low_i8x16_s (local.get $v)) (v128.load (local.get $query)))))
        (local.set $acc2
          (i32x4.add (local.get $acc2)
            (i32x4.dot_i16x8_s (i16x8.extend_high_i8x16_s (local.get $v)) (v128.load offset=16 (local.get $query)))))))
    (local.set $acc (i32x4.add (local.get $acc) (local.get $acc2)))
    (i32.add
      (i32.add (i32x4.extract_lane 0 (local.get $acc)) (i32x4.extract_lane 1 (local.get $acc)))
      (i32.add (i32x4.extract_lane 2 (local.get $acc)) (i32x4.extract_lane 3 (local.get $acc)))))

  ;; Score bounds of rows, into lo[j] and hi[j] for j < the count returned. Row j is rows[j] for j < n
  ;; (scan = 0). With scan = 1, every row below n is read in order and row j is the j-th whose bias is
  ;; finite and bias + weight ≥ threshold, also written to rows[j]. The scan reads the codes of kept rows
  ;; only: a threshold that keeps few rows (a candidate list keeps ~0.5 % of 100k) then skips nearly all the
  ;; work, while a threshold of −∞ and a finite bias keep every row, read in order as before.
  ;; For each row: approx = qScale · scales[row] · dotI8(row), the error bound
  ;; eps = hat · residuals[row] + err · norms[row] + slack, and
  ;;   lo[j] = approx − eps, hi[j] = approx + eps                                  (hybrid = 0)
  ;;   lo[j] = weight · clamp₀¹(approx − eps) + bias[row], hi[j] likewise with +   (hybrid = 1)
  ;; in f64, with the same operations in the same order as the JS mirror (KernelArena).
  ;; scales, residuals and norms are f32 per row, bias f64 per row, lo and hi f64 per j.
  (func (export "bounds")
    (param $query i32) (param $codes i32) (param $stride i32) (param $rows i32) (param $n i32) (param $scan i32)
    (param $scales i32) (param $residuals i32) (param $norms i32) (param $bias i32) (param $hybrid i32)
    (param $threshold f64) (param $qScale f64) (param $hat f64) (param $err f64) (param $slack f64) (param $weight f64)
    (param $lo i32) (param $hi i32) (result i32)
    (local $i i32) (local $j i32) (local $row i32) (local $a i32) (local $approx f64) (local $eps f64) (local $b f64)
    (local $dot i32)
    (block $done
      (loop $each
        (br_if $done (i32.ge_u (local.get $i) (local.get $n)))
        (block $skip
          (local.set $row
            (if (result i32) (local.get $scan)
              (then (local.get $i))
              (else (i32.load (i32.add (local.get $rows) (i32.shl (local.get $i) (i32.const 2)))))))
          (if (local.get $scan)
            (then
              (local.set $b (f64.load (i32.add (local.get $bias) (i32.shl (local.get $row) (i32.const 3)))))
              (br_if $skip
                (i32.eqz (i32.and (f64.ne (local.get $b) (f64.const -inf))
                                  (f64.ge (f64.add (local.get $b) (local.get $weight)) (local.get $threshold)))))
              (i32.store (i32.add (local.get $rows) (i32.shl (local.get $j) (i32.const 2))) (local.get $row))))
          (local.set $dot
            (call $dotI8 (local.get $query)
              (i32.add (local.get $codes) (i32.mul (local.get $row) (local.get $stride))) (local.get $stride)))
          (local.set $a (i32.shl (local.get $row) (i32.const 2)))
          (local.set $approx
            (f64.mul
              (f64.mul (local.get $qScale) (f64.promote_f32 (f32.load (i32.add (local.get $scales) (local.get $a)))))
              (f64.convert_i32_s (local.get $dot))))
          (local.set $eps
            (f64.add
              (f64.add
                (f64.mul (local.get $hat) (f64.promote_f32 (f32.load (i32.add (local.get $residuals) (local.get $a)))))
                (f64.mul (local.get $err) (f64.promote_f32 (f32.load (i32.add (local.get $norms) (local.get $a))))))
              (local.get $slack)))
          (if (local.get $hybrid)
            (then
              (local.set $b (f64.load (i32.add (local.get $bias) (i32.shl (local.get $row) (i32.const 3)))))
              (f64.store (i32.add (local.get $lo) (i32.shl (local.get $j) (i32.const 3)))
                (f64.add
                  (f64.mul (local.get $weight)
                    (f64.min (f64.const 1) (f64.max (f64.const 0) (f64.sub (local.get $approx) (local.get $eps)))))
                  (local.get $b)))
              (f64.store (i32.add (local.get $hi) (i32.shl (local.get $j) (i32.const 3)))
                (f64.add
                  (f64.mul (local.get $weight)
                    (f64.min (f64.const 1) (f64.max (f64.const 0) (f64.add (local.get $approx) (local.get $eps)))))
                  (local.get $b))))
            (else
              (f64.store (i32.add (local.get $lo) (i32.shl (local.get $j) (i32.const 3)))
                (f64.sub (local.get $approx) (local.get $eps)))
              (f64.store (i32.add (local.get $hi) (i32.shl (local.get $j) (i32.const 3)))
                (f64.add (local.get $approx) (local.get $eps)))))
          (local.set $j (i32.add (local.get $j) (i32.const 1))))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $each)))
    (local.get $j))

  ;; Σ of `rows` rows of int8 codes (stride bytes each, a multiple of 16), exactly: per row in i32
  ;; (at most 127 · stride), accumulated in f64. The benchmark floor for the int8 memory.
  (func (export "sumI8") (param $p i32) (param $rows i32) (param $stride i32) (result f64)
    (local $r i32) (local $end i32) (local $acc v128) (local $total f64)
    (block $done
      (loop $each
        (br_if $done (i32.ge_u (local.get $r) (local.get $rows)))
        (local.set $end (i32.add (local.get $p) (local.get $stride)))
        (local.set $acc (v128.const i32x4 0 0 0 0))
        (loop $lanes
          (local.set $acc
            (i32x4.add (local.get $acc)
              (i32x4.extadd_pairwise_i16x8_s (i16x8.extadd_pairwise_i8x16_s (v128.load (local.get $p))))))
          (local.set $p (i32.add (local.get $p) (i32.const 16)))
          (br_if $lanes (i32.lt_u (local.get $p) (local.get $end))))
        (local.set $total
          (f64.add (local.get $total)
            (f64.convert_i32_s
              (i32.add
                (i32.add (i32x4.extract_lane 0 (local.get $acc)) (i32x4.extract_lane 1 (local.get $acc)))
                (i32.add (i32x4.extract_lane 2 (local.get $acc)) (i32x4.extract_lane 3 (local.get $acc)))))))
        (local.set $r (i32.add (local.get $r) (i32.const 1)))
        (br $each)))
    (local.get $total))

  ;; Σ of `count` float32 values from p (count a multiple of 4) in four f32 lanes. The benchmark floor
  ;; for the float32 memory: one sequential pass, four lanes at a time.
  (func (export "sumF32") (param $p i32) (param $count i32) (result f64)
    (local $end i32) (local $acc v128)
    (local.set $end (i32.add (local.get $p) (i32.shl (local.get $count) (i32.const 2))))
    (block $done
      (loop $lanes
        (br_if $done (i32.ge_u (local.get $p) (local.get $end)))
        (local.set $acc (f32x4.add (local.get $acc) (v128.load (local.get $p))))
        (local.set $p (i32.add (local.get $p) (i32.const 16)))
        (br $lanes)))
    (f64.add
      (f64.add
        (f64.promote_f32 (f32x4.extract_lane 0 (local.get $acc)))
        (f64.promote_f32 (f32x4.extract_lane 1 (local.get $acc))))
      (f64.add
        (f64.promote_f32 (f32x4.extract_lane 2 (local.get $acc)))
        (f64.promote_f32 (f32x4.extract_lane 3 (local.get $acc))))))
;; The structured part of the hybrid score, per row (PostingIndex.#structured, the JS reference, has the
;; same rules and the same order of floating-point operations, so both give bit-identical doubles):
;;   out[row] = wReq·cov(required) + wPref·cov(preferred) + wMajor·major + wDegree·degree
;;            + wLocation·location + wSalary·salary + wJobType·jobTypeOk[jobType[row]]
;; for rows with mask[row] = 1, −∞ for the others. Row lists live in `pool` (i32): at offsets[row], five
;; counts (required, preferred, cities, majors, major groups), then the five lists back to back.
;; Columns: degree, remote (0/1), jobType (−1: unknown), regions (bit mask) as i32; salaryTop as f64.
;; params (f64 ×8, then i32 ×4, then f64 ×2): the seven weights, the salary floor (≤ 0: none), the profile's
;; degree rank (−1: none), remote mode (0 only, 1 accepted, 2 no), noLocations (0/1), the profile's region mask,
;; the lexical weight and the BM25F denominator. With lexical = 1 a row's lexical value joins its score as
;; PostingIndex.addLexical adds it: when sums[slots[row]] (f64 per slot, i32 slot per row) is not 0,
;;   out[row] += wLexical · min(1, max(0, sums[slots[row]] / denominator)).
(func $coverage (param $pool i32) (param $from i32) (param $to i32) (param $credit i32) (result f64)
  (local $i i32) (local $sum f64)
  (if (i32.eq (local.get $from) (local.get $to)) (then (return (f64.const 0.5))))
  (local.set $i (local.get $from))
  (loop $each
    (local.set $sum
      (f64.add (local.get $sum)
        (f64.load (i32.add (local.get $credit)
          (i32.shl (i32.load (i32.add (local.get $pool) (i32.shl (local.get $i) (i32.const 2)))) (i32.const 3))))))
    (local.set $i (i32.add (local.get $i) (i32.const 1)))
    (br_if $each (i32.lt_u (local.get $i) (local.get $to))))
  (f64.div (local.get $sum) (f64.convert_i32_u (i32.sub (local.get $to) (local.get $from)))))

;; 1 when any id in pool[from, to) has flags[id] = 1.
(func $any (param $pool i32) (param $from i32) (param $to i32) (param $flags i32) (result i32)
  (local $i i32)
  (local.set $i (local.get $from))
  (block $no
    (loop $each
      (br_if $no (i32.ge_u (local.get $i) (local.get $to)))
      (if (i32.eq (i32.load8_u (i32.add (local.get $flags)
                    (i32.load (i32.add (local.get $pool) (i32.shl (local.get $i) (i32.const 2)))))) (i32.const 1))
        (then (return (i32.const 1))))
      (local.set $i (i32.add (local.get $i) (i32.const 1)))
      (br $each)))
  (i32.const 0))

(func (export "structured")
  (param $n i32) (param $mask i32) (param $offsets i32) (param $pool i32)
  (param $degree i32) (param $remote i32) (param $jobType i32) (param $regions i32) (param $salary i32)
  (param $credit i32) (param $majorFlags i32) (param $groupFlags i32) (param $cityFlags i32) (param $jobTypeOk i32)
  (param $params i32) (param $out i32) (param $slots i32) (param $sums i32) (param $lexical i32)
  (local $score f64) (local $slot i32) (local $sum f64) (local $lexWeight f64) (local $denominator f64)
  (local $row i32) (local $o i32) (local $a i32) (local $reqFrom i32) (local $prefFrom i32) (local $cityFrom i32)
  (local $majorFrom i32) (local $groupFrom i32) (local $groupTo i32) (local $isRemote i32) (local $jt i32)
  (local $major f64) (local $deg f64) (local $location f64) (local $sal f64) (local $top f64) (local $floor f64)
  (local $myDegree i32) (local $remoteMode i32) (local $noLocations i32) (local $myRegions i32)
  (local.set $floor (f64.load offset=56 (local.get $params)))
  (local.set $myDegree (i32.load offset=64 (local.get $params)))
  (local.set $remoteMode (i32.load offset=68 (local.get $params)))
  (local.set $noLocations (i32.load offset=72 (local.get $params)))
  (local.set $myRegions (i32.load offset=76 (local.get $params)))
  (local.set $lexWeight (f64.load offset=80 (local.get $params)))
  (local.set $denominator (f64.load offset=88 (local.get $params)))
  (block $done
    (loop $each
      (br_if $done (i32.ge_u (local.get $row) (local.get $n)))
      (local.set $a (i32.shl (local.get $row) (i32.const 2)))
      (if (i32.ne (i32.load8_u (i32.add (local.get $mask) (local.get $row))) (i32.const 1))
        (then
          (f64.store (i32.add (local.get $out) (i32.shl (local.get $row) (i32.const 3))) (f64.const -inf)))
        (else
          (local.set $o (i32.load (i32.add (local.get $offsets) (local.get $a))))
          (local.set $reqFrom (i32.add (local.get $o) (i32.const 5)))
          (local.set $prefFrom (i32.add (local.get $reqFrom)
            (i32.load (i32.add (local.get $pool) (i32.shl (local.get $o) (i32.const 2))))))
          (local.set $cityFrom (i32.add (local.get $prefFrom)
            (i32.load offset=4 (i32.add (local.get $pool) (i32.shl (local.get $o) (i32.const 2))))))
          (local.set $majorFrom (i32.add (local.get $cityFrom)
            (i32.load offset=8 (i32.add (local.get $pool) (i32.shl (local.get $o) (i32.const 2))))))
          (local.set $groupFrom (i32.add (local.get $majorFrom)
            (i32.load offset=12 (i32.add (local.get $pool) (i32.shl (local.get $o) (i32.const 2))))))
          (local.set $groupTo (i32.add (local.get $groupFrom)
            (i32.load offset=16 (i32.add (local.get $pool) (i32.shl (local.get $o) (i32.const 2))))))
          ;; major: any accepted (or none listed) 1, same discipline 0.5, else 0
          (local.set $major
            (if (result f64) (i32.eq (local.get $majorFrom) (local.get $groupFrom))
              (then (f64.const 1))
              (else
                (if (result f64)
                  (call $any (local.get $pool) (local.get $majorFrom) (local.get $groupFrom) (local.get $majorFlags))
                  (then (f64.const 1))
                  (else
                    (if (result f64)
                      (call $any (local.get $pool) (local.get $groupFrom) (local.get $groupTo) (local.get $groupFlags))
                      (then (f64.const 0.5)) (else (f64.const 0))))))))
          (local.set $deg
            (if (result f64)
              (i32.and (i32.ge_s (local.get $myDegree) (i32.const 0))
                       (i32.ge_s (local.get $myDegree) (i32.load (i32.add (local.get $degree) (local.get $a)))))
              (then (f64.const 1)) (else (f64.const 0))))
          (local.set $isRemote (i32.eq (i32.load (i32.add (local.get $remote) (local.get $a))) (i32.const 1)))
          (local.set $location
            (if (result f64) (i32.eqz (local.get $remoteMode))
              (then (if (result f64) (local.get $isRemote) (then (f64.const 1)) (else (f64.const 0))))
              (else
                (if (result f64) (i32.and (local.get $isRemote) (i32.eq (local.get $remoteMode) (i32.const 1)))
                  (then (f64.const 1))
                  (else
                    (if (result f64) (local.get $noLocations)
                      (then (f64.const 1))
                      (else
                        (if (result f64)
                          (call $any
                            (local.get $pool) (local.get $cityFrom) (local.get $majorFrom) (local.get $cityFlags))
                          (then (f64.const 1))
                          (else
                            (if (result f64)
                              (i32.and (i32.load (i32.add (local.get $regions) (local.get $a))) (local.get $myRegions))
                              (then (f64.const 0.5)) (else (f64.const 0))))))))))))
          (local.set $top (f64.load (i32.add (local.get $salary) (i32.shl (local.get $row) (i32.const 3)))))
          (local.set $sal
            (if (result f64) (f64.le (local.get $floor) (f64.const 0))
              (then (f64.const 1))
              (else
                (if (result f64) (f64.lt (local.get $top) (f64.const 0))
                  (then (f64.const 0.5))
                  (else (f64.min (f64.const 1) (f64.div (local.get $top) (local.get $floor))))))))
          (local.set $jt (i32.load (i32.add (local.get $jobType) (local.get $a))))
          (local.set $score
            (f64.add
              (f64.add
                (f64.add
                  (f64.add
                    (f64.add
                      (f64.add
                        (f64.mul (f64.load offset=0 (local.get $params))
                          (call $coverage (local.get $pool) (local.get $reqFrom) (local.get $prefFrom)
                            (local.get $credit)))
                        (f64.mul (f64.load offset=8 (local.get $params))
                          (call $coverage (local.get $pool) (local.get $prefFrom) (local.get $cityFrom)
                            (local.get $credit))))
                      (f64.mul (f64.load offset=16 (local.get $params)) (local.get $major)))
                    (f64.mul (f64.load offset=24 (local.get $params)) (local.get $deg)))
                  (f64.mul (f64.load offset=32 (local.get $params)) (local.get $location)))
                (f64.mul (f64.load offset=40 (local.get $params)) (local.get $sal)))
              (f64.mul (f64.load offset=48 (local.get $params))
                (if (result f64) (i32.lt_s (local.get $jt) (i32.const 0))
                  (then (f64.const 0))
                  (else (f64.convert_i32_u (i32.load8_u (i32.add (local.get $jobTypeOk) (local.get $jt)))))))))
          (if (local.get $lexical)
            (then
              (local.set $slot (i32.load (i32.add (local.get $slots) (local.get $a))))
              (if (i32.ge_s (local.get $slot) (i32.const 0))
                (then
                  (local.set $sum (f64.load (i32.add (local.get $sums) (i32.shl (local.get $slot) (i32.const 3)))))
                  (if (f64.ne (local.get $sum) (f64.const 0))
                    (then
                      (local.set $score
                        (f64.add (local.get $score)
                          (f64.mul (local.get $lexWeight)
                            (f64.min (f64.const 1)
                              (f64.max (f64.const 0) (f64.div (local.get $sum) (local.get $denominator)))))))))))))
          (f64.store (i32.add (local.get $out) (i32.shl (local.get $row) (i32.const 3))) (local.get $score))))
      (local.set $row (i32.add (local.get $row) (i32.const 1)))
      (br $each))))
)
