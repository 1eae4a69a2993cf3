/**
 * The supervised, download-free embedder. A text is the mean of its sub-word feature rows
 * (supervised-features.ts), u; its embedding is the label mixture Σ_l softmax(V u / τ)_l · v_l, unit
 * normalised, i.e. where the text sits among the occupations and bilingual skill names it was trained to
 * recognise. Two texts that point at the same labels (a title variant and its occupation's posting, a
 * Chinese and an English skill name) get nearly the same vector even with no word in common.
 * Pure and deterministic: the same artefact and text give bit-identical vectors on Node and Workers.
 */
import { EmptyTextError, normalizeInPlace, type Embedder } from './embedder.ts';
import {
  supervisedArtefactId,
  unpackSupervised,
  type SupervisedArtefact,
  type UnpackedSupervised,
} from './supervised-artefact.ts';
import { supervisedFeatures } from './supervised-features.ts';

export interface SupervisedEmbedder extends Embedder {
  /** The embedding of one text, or undefined when none of its features has a trained row. */
  embedOne(text: string): Float32Array | undefined;
}

export interface SupervisedEmbedderOptions {
  /** Recompute the artefact id from its content and refuse a mismatch (default true). */
  readonly verify?: boolean;
}

export function createSupervisedEmbedder(
  artefact: SupervisedArtefact,
  options: SupervisedEmbedderOptions = {},
): SupervisedEmbedder {
  if ((options.verify ?? true) && supervisedArtefactId(artefact) !== artefact.id) {
    throw new Error(`supervised artefact content does not match its id ${artefact.id}`);
  }
  return supervisedEmbedderFrom(artefact.id, unpackSupervised(artefact));
}

/**
 * The embedder of an unpacked artefact whose id was checked where it was unpacked (another thread may unpack and
 * hand over the arrays, so the thread that serves never parses the 9 MB module).
 */
export function supervisedEmbedderFrom(id: string, m: UnpackedSupervised): SupervisedEmbedder {
  const d = m.dimensions;
  const hidden = new Float64Array(d);
  const scores = new Float64Array(m.labels);

  const embedOne = (text: string): Float32Array | undefined => {
    const features = supervisedFeatures(text, m.buckets);
    hidden.fill(0);
    let known = 0;
    for (const f of features) {
      const r = m.rowOf[f] ?? -1;
      if (r < 0) continue;
      known++;
      const scale = m.scales[r] ?? 0;
      const base = r * d;
      for (let c = 0; c < d; c++) hidden[c] = (hidden[c] ?? 0) + (m.input[base + c] ?? 0) * scale;
    }
    if (known === 0) return undefined;
    // The mean over every feature, as in training (features without a row count as zero vectors). A sum
    // made long postings one-hot on a single label, so near occupations' postings tied exactly (dev split).
    const inv = 1 / (features.length * m.temperature);
    let max = Number.NEGATIVE_INFINITY;
    for (let l = 0; l < m.labels; l++) {
      let s = 0;
      const base = l * d;
      for (let c = 0; c < d; c++) s += (hidden[c] ?? 0) * (m.output[base + c] ?? 0);
      s *= inv;
      scores[l] = s;
      if (s > max) max = s;
    }
    const out = new Float32Array(d);
    const mix = new Float64Array(d);
    for (let l = 0; l < m.labels; l++) {
      const p = Math.exp((scores[l] ?? 0) - max);
      const base = l * d;
      for (let c = 0; c < d; c++) mix[c] = (mix[c] ?? 0) + p * (m.output[base + c] ?? 0);
    }
    for (let c = 0; c < d; c++) out[c] = mix[c] ?? 0;
    return normalizeInPlace(out) > 0 ? out : undefined;
  };

  return {
    id,
    dimensions: d,
    embedOne,
    embed(texts) {
      const vectors: Float32Array[] = [];
      const empty: number[] = [];
      texts.forEach((text, i) => {
        const v = embedOne(text);
        if (v === undefined) empty.push(i);
        else vectors.push(v);
      });
      return empty.length > 0 ? Promise.reject(new EmptyTextError(empty)) : Promise.resolve(vectors);
    },
  };
}
