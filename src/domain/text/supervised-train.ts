/**
 * Training of the supervised embedder: StarSpace/fastText-style (Wu et al., AAAI 2018; Joulin et al.,
 * EACL 2017). A text is the mean of its feature rows; it should score its label's row higher than other
 * labels' rows, learned by SGD on the negative-sampling logistic loss
 *   −log σ(u·v_y) − Σ_{n ∈ K random labels ≠ y} log σ(−u·v_n),
 * with a linearly decaying learning rate. Pure and deterministic: the same examples, options and seed
 * give bit-identical weights on every runtime (one seeded mulberry32 stream drives init, order and negatives).
 */

export interface TrainingExample {
  /** Bucket ids of the text's features (supervised-features.ts). */
  readonly features: Uint32Array;
  /** Index of the label (occupation, skill, bilingual name) the text should land near. */
  readonly label: number;
}

export interface TrainOptions {
  readonly dimensions: number;
  readonly buckets: number;
  readonly labels: number;
  readonly epochs: number;
  readonly learningRate: number;
  readonly negatives: number;
  readonly seed: number;
  /** Called after each epoch with its mean loss per example. */
  readonly onEpoch?: (epoch: number, meanLoss: number) => void;
}

export interface TrainedWeights {
  readonly dimensions: number;
  readonly buckets: number;
  readonly labels: number;
  /** buckets × dimensions, row-major; rows of buckets no training text used are zero. */
  readonly input: Float32Array;
  /** labels × dimensions, row-major. */
  readonly output: Float32Array;
  /** How many training texts used each bucket. */
  readonly bucketUses: Uint32Array;
}

/** mulberry32 (Tommy Ettinger, public domain): a small seeded 32-bit generator, uniform in [0, 1). */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const logSigmoid = (x: number): number => (x >= 0 ? -Math.log1p(Math.exp(-x)) : x - Math.log1p(Math.exp(x)));

export function trainSupervised(examples: readonly TrainingExample[], options: TrainOptions): TrainedWeights {
  const { dimensions: d, buckets, labels, negatives } = options;
  if (labels < 2) throw new RangeError('training needs at least two labels');
  const random = seededRandom(options.seed);
  const input = new Float32Array(buckets * d);
  const output = new Float32Array(labels * d);
  const bucketUses = new Uint32Array(buckets);
  for (const example of examples) {
    if (example.label < 0 || example.label >= labels) throw new RangeError(`label ${example.label} out of range`);
    for (const f of new Set(example.features)) bucketUses[f] = (bucketUses[f] ?? 0) + 1;
  }
  // Small random rows (fastText's ±1/d) only where some text will train them; the rest stay zero.
  for (let b = 0; b < buckets; b++) {
    if ((bucketUses[b] ?? 0) === 0) continue;
    for (let c = 0; c < d; c++) input[b * d + c] = (random() * 2 - 1) / d;
  }
  const order = Uint32Array.from(examples, (_, i) => i);
  const hidden = new Float32Array(d);
  const gradient = new Float32Array(d);
  const total = Math.max(1, examples.length * options.epochs);
  let step = 0;
  for (let epoch = 0; epoch < options.epochs; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      const t = order[i] ?? 0;
      order[i] = order[j] ?? 0;
      order[j] = t;
    }
    let loss = 0;
    for (const index of order) {
      const example = examples[index];
      const lr = options.learningRate * (1 - step / total);
      step++;
      if (example === undefined || example.features.length === 0) continue;
      const features = example.features;
      hidden.fill(0);
      for (const f of features) {
        const row = f * d;
        for (let c = 0; c < d; c++) hidden[c] = (hidden[c] ?? 0) + (input[row + c] ?? 0);
      }
      const inv = 1 / features.length;
      for (let c = 0; c < d; c++) hidden[c] = (hidden[c] ?? 0) * inv;
      gradient.fill(0);
      for (let k = 0; k <= negatives; k++) {
        let target = example.label;
        if (k > 0) {
          target = Math.floor(random() * (labels - 1));
          if (target >= example.label) target++;
        }
        const row = target * d;
        let score = 0;
        for (let c = 0; c < d; c++) score += (hidden[c] ?? 0) * (output[row + c] ?? 0);
        const sign = k === 0 ? 1 : -1;
        loss -= logSigmoid(sign * score);
        // d(loss)/d(score) = σ(score) − [positive]; step against it.
        const g = lr * ((k === 0 ? 1 : 0) - 1 / (1 + Math.exp(-score)));
        for (let c = 0; c < d; c++) {
          const o = output[row + c] ?? 0;
          gradient[c] = (gradient[c] ?? 0) + g * o;
          output[row + c] = o + g * (hidden[c] ?? 0);
        }
      }
      for (const f of features) {
        const row = f * d;
        for (let c = 0; c < d; c++) input[row + c] = (input[row + c] ?? 0) + (gradient[c] ?? 0) * inv;
      }
    }
    options.onEpoch?.(epoch + 1, loss / Math.max(1, examples.length));
  }
  return { dimensions: d, buckets, labels, input, output, bucketUses };
}
