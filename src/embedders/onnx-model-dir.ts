/**
 * Checks a local model directory before transformers.js sees it, so a wrong path or a half-copied
 * model fails at boot with a list of what is missing instead of a deep stack from the runtime.
 * Layout (as Hugging Face ONNX exports ship it):
 *   config.json · tokenizer.json · tokenizer_config.json · onnx/model.onnx and/or onnx/model_quantized.onnx
 *   (+ onnx/model.onnx_data when the fp32 weights are stored as external data, as for models over 2 GB).
 */
import { readFile, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';

export type OnnxWeights = 'model.onnx' | 'model_quantized.onnx';

export interface ModelDirInfo {
  readonly dir: string;
  readonly weights: OnnxWeights;
  /** transformers.js name for the weights file: fp32 → model.onnx, q8 → model_quantized.onnx. */
  readonly dtype: 'fp32' | 'q8';
  readonly externalData: boolean;
  readonly config: Readonly<Record<string, unknown>>;
  /** `hidden_size` (BERT, XLM-R) or `d_model` from config.json, when stated. */
  readonly hiddenSize: number | undefined;
}

class ModelDirError extends Error {
  readonly dir: string;
  constructor(dir: string, detail: string) {
    super(`ONNX model directory ${dir}: ${detail}`);
    this.name = 'ModelDirError';
    this.dir = dir;
  }
}

async function isFile(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}

export async function inspectModelDir(modelDir: string, weights?: OnnxWeights): Promise<ModelDirInfo> {
  const dir = resolve(modelDir);
  const dirStat = await stat(dir).catch(() => undefined);
  if (!dirStat?.isDirectory()) throw new ModelDirError(dir, 'does not exist or is not a directory');
  const required = ['config.json', 'tokenizer.json', 'tokenizer_config.json'];
  const missing: string[] = [];
  for (const f of required) if (!(await isFile(join(dir, f)))) missing.push(f);
  const candidates: OnnxWeights[] = weights ? [weights] : ['model.onnx', 'model_quantized.onnx'];
  let found: OnnxWeights | undefined;
  for (const c of candidates) {
    if (await isFile(join(dir, 'onnx', c))) {
      found = c;
      break;
    }
  }
  if (found === undefined) missing.push(candidates.map((c) => `onnx/${c}`).join(' or '));
  if (missing.length > 0) throw new ModelDirError(dir, `missing ${missing.join(', ')}`);
  let config: unknown;
  try {
    config = JSON.parse(await readFile(join(dir, 'config.json'), 'utf8'));
  } catch (error) {
    throw new ModelDirError(
      dir,
      `config.json is not valid JSON (${error instanceof Error ? error.message : String(error)})`,
    );
  }
  if (typeof config !== 'object' || config === null || Array.isArray(config))
    throw new ModelDirError(dir, 'config.json is not a JSON object');
  const record = config as Record<string, unknown>;
  if (typeof record.model_type !== 'string')
    throw new ModelDirError(dir, 'config.json has no model_type (transformers.js needs it to pick the architecture)');
  const size = record.hidden_size ?? record.d_model;
  const chosen = found ?? 'model.onnx';
  return {
    dir,
    weights: chosen,
    dtype: chosen === 'model.onnx' ? 'fp32' : 'q8',
    externalData: await isFile(join(dir, 'onnx', `${chosen}_data`)),
    config: record,
    hiddenSize: typeof size === 'number' && Number.isInteger(size) && size > 0 ? size : undefined,
  };
}
