/** Hyperparameters of the supervised embedder, chosen on the dev half of the held-out titles only. */
export const EMBEDDER_TRAINING = {
  buckets: 2 ** 19,
  dimensions: 64,
  epochs: 10,
  learningRate: 0.5,
  negatives: 10,
  seed: 20261206,
  minUses: 5,
  temperature: 0.35,
  /** Copies of each trained Chinese name, and O*NET texts code-switched into trained Chinese names. */
  chineseNameRepeats: 3,
  codeSwitch: true,
} as const;
