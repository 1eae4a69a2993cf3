/**
 * Sentence pooling over a transformer's token outputs, as sentence-transformers defines it:
 *  - mean: v = Σ_t m_t·h_t / Σ_t m_t over the attention mask m (padding excluded),
 *  - cls:  v = h_0, the first token ([CLS] / <s>), as BGE models are trained to use.
 * Followed by L2 normalisation in the adapter.
 */

export type Pooling = 'mean' | 'cls';

/** A tensor as transformers.js exposes it: row-major `data` with shape `dims`. */
export interface TensorLike {
  readonly dims: readonly number[];
  readonly data: ArrayLike<number | bigint>;
}

/**
 * Pools `hidden` ([batch, sequence, width]) into `batch` vectors of `width`. `mask` is [batch, sequence]
 * (int64 as bigint from tokenizers, or numbers). A row whose mask is all zero pools to zeros.
 */
export function poolTokens(hidden: TensorLike, mask: TensorLike, pooling: Pooling): Float32Array[] {
  const [batch, seq, width] = hidden.dims;
  if (hidden.dims.length !== 3 || batch === undefined || seq === undefined || width === undefined) {
    throw new Error(`expected token outputs of shape [batch, sequence, width], got [${hidden.dims.join(', ')}]`);
  }
  if (mask.dims.length !== 2 || mask.dims[0] !== batch || mask.dims[1] !== seq) {
    throw new Error(
      `attention mask shape [${mask.dims.join(', ')}] does not match outputs [${hidden.dims.join(', ')}]`,
    );
  }
  const h = hidden.data;
  const out: Float32Array[] = [];
  for (let b = 0; b < batch; b++) {
    const v = new Float32Array(width);
    const rowStart = b * seq * width;
    if (pooling === 'cls') {
      for (let c = 0; c < width; c++) v[c] = Number(h[rowStart + c] ?? 0);
    } else {
      // Accumulate in float64 so long sequences do not lose precision before the division.
      const acc = new Float64Array(width);
      let count = 0;
      for (let t = 0; t < seq; t++) {
        if (Number(mask.data[b * seq + t] ?? 0) === 0) continue;
        count++;
        const base = rowStart + t * width;
        for (let c = 0; c < width; c++) acc[c] = (acc[c] ?? 0) + Number(h[base + c] ?? 0);
      }
      if (count > 0) for (let c = 0; c < width; c++) v[c] = (acc[c] ?? 0) / count;
    }
    out.push(v);
  }
  return out;
}
