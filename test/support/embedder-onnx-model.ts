/**
 * Builds a tiny BERT-shaped ONNX model directory by hand, so the ONNX embedder's real loading path
 * (transformers.js → onnxruntime) can be tested without downloading a model.
 *
 * The graph is `last_hidden_state = Gather(E, input_ids) * unsqueeze(float(attention_mask), -1)`:
 * one embedding row per token, zeroed at padding. Its mean-pooled output is therefore the mean of the
 * rows of E for the text's tokens (including [CLS] and [SEP]), which a test can compute by hand.
 *
 * The protobuf is written field by field from onnx/onnx.proto (ModelProto, GraphProto, NodeProto,
 * TensorProto, ValueInfoProto, TypeProto, TensorShapeProto, AttributeProto).
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

const FLOAT = 1;
const INT64 = 7;
const ATTR_INT = 2;

function varint(n: number | bigint): number[] {
  // Negative int64 values are encoded as 10-byte two's complement varints.
  let v = BigInt.asUintN(64, BigInt(n));
  const out: number[] = [];
  do {
    let byte = Number(v & 0x7fn);
    v >>= 7n;
    if (v !== 0n) byte |= 0x80;
    out.push(byte);
  } while (v !== 0n);
  return out;
}

const enc = new TextEncoder();
const tag = (field: number, wire: number): number[] => varint((field << 3) | wire);
const vint = (field: number, n: number | bigint): number[] => [...tag(field, 0), ...varint(n)];
const bytes = (field: number, b: Uint8Array | number[]): number[] => [...tag(field, 2), ...varint(b.length), ...b];
const str = (field: number, s: string): number[] => bytes(field, enc.encode(s));

function tensorType(elemType: number, dims: readonly (string | number)[]): number[] {
  const shape = dims.flatMap((d) => bytes(1, typeof d === 'number' ? vint(1, d) : str(2, d)));
  return bytes(1, [...vint(1, elemType), ...bytes(2, shape)]);
}

const valueInfo = (name: string, elemType: number, dims: readonly (string | number)[]): number[] => [
  ...str(1, name),
  ...bytes(2, tensorType(elemType, dims)),
];

function node(op: string, inputs: string[], outputs: string[], attrs: number[][] = []): number[] {
  return [
    ...inputs.flatMap((i) => str(1, i)),
    ...outputs.flatMap((o) => str(2, o)),
    ...str(3, `${op}_${outputs[0] ?? ''}`),
    ...str(4, op),
    ...attrs.flatMap((a) => bytes(5, a)),
  ];
}

function tensor(name: string, dataType: number, dims: readonly number[], raw: Uint8Array): number[] {
  return [...dims.flatMap((d) => vint(1, d)), ...vint(2, dataType), ...str(8, name), ...bytes(9, raw)];
}

/** The ONNX ModelProto bytes for the embedding-table encoder (opset 13). `table` is row-major, rows × hidden. */
function buildEmbeddingModel(table: Float32Array, rows: number, hidden: number): Uint8Array {
  const axes = new BigInt64Array([-1n]);
  const graph = [
    ...bytes(1, node('Gather', ['embeddings', 'input_ids'], ['token_rows'])),
    ...bytes(
      1,
      node('Cast', ['attention_mask'], ['mask_float'], [[...str(1, 'to'), ...vint(20, ATTR_INT), ...vint(3, FLOAT)]]),
    ),
    ...bytes(1, node('Unsqueeze', ['mask_float', 'mask_axes'], ['mask_column'])),
    ...bytes(1, node('Mul', ['token_rows', 'mask_column'], ['last_hidden_state'])),
    ...str(2, 'tiny_encoder'),
    ...bytes(
      5,
      tensor('embeddings', FLOAT, [rows, hidden], new Uint8Array(table.buffer, table.byteOffset, table.byteLength)),
    ),
    ...bytes(5, tensor('mask_axes', INT64, [1], new Uint8Array(axes.buffer))),
    ...bytes(11, valueInfo('input_ids', INT64, ['batch', 'sequence'])),
    ...bytes(11, valueInfo('attention_mask', INT64, ['batch', 'sequence'])),
    ...bytes(12, valueInfo('last_hidden_state', FLOAT, ['batch', 'sequence', hidden])),
  ];
  return new Uint8Array([
    ...vint(1, 8), // ir_version 8 (ONNX 1.10+)
    ...str(2, 'bole-test'),
    ...bytes(7, graph),
    ...bytes(8, [...str(1, ''), ...vint(2, 13)]), // opset_import: default domain, opset 13
  ]);
}

const SPECIAL_TOKENS = ['[PAD]', '[UNK]', '[CLS]', '[SEP]'] as const;

/** A WordPiece tokenizer.json in the shape `tokenizers` writes for BERT (lower-casing, [CLS] … [SEP]). */
function bertTokenizerJson(vocab: readonly string[]): object {
  const ids = Object.fromEntries(vocab.map((t, i) => [t, i]));
  const special = (t: string) => ({
    id: vocab.indexOf(t),
    content: t,
    single_word: false,
    lstrip: false,
    rstrip: false,
    normalized: false,
    special: true,
  });
  return {
    version: '1.0',
    truncation: null,
    padding: null,
    added_tokens: SPECIAL_TOKENS.map(special),
    normalizer: {
      type: 'BertNormalizer',
      clean_text: true,
      handle_chinese_chars: true,
      strip_accents: null,
      lowercase: true,
    },
    pre_tokenizer: { type: 'BertPreTokenizer' },
    post_processor: {
      type: 'TemplateProcessing',
      single: [
        { SpecialToken: { id: '[CLS]', type_id: 0 } },
        { Sequence: { id: 'A', type_id: 0 } },
        { SpecialToken: { id: '[SEP]', type_id: 0 } },
      ],
      pair: [
        { SpecialToken: { id: '[CLS]', type_id: 0 } },
        { Sequence: { id: 'A', type_id: 0 } },
        { SpecialToken: { id: '[SEP]', type_id: 0 } },
        { Sequence: { id: 'B', type_id: 1 } },
        { SpecialToken: { id: '[SEP]', type_id: 1 } },
      ],
      special_tokens: Object.fromEntries(
        ['[CLS]', '[SEP]'].map((t) => [t, { id: t, ids: [vocab.indexOf(t)], tokens: [t] }]),
      ),
    },
    decoder: { type: 'WordPiece', prefix: '##', cleanup: true },
    model: {
      type: 'WordPiece',
      unk_token: '[UNK]',
      continuing_subword_prefix: '##',
      max_input_chars_per_word: 100,
      vocab: ids,
    },
  };
}

export interface TinyModel {
  readonly dir: string;
  readonly vocab: readonly string[];
  /** Row-major rows × hidden embedding table. */
  readonly table: Float32Array;
  readonly hidden: number;
}

/**
 * Writes config.json, tokenizer.json, tokenizer_config.json and onnx/<file> into `dir`.
 * The table is a fixed, irregular pattern so no two rows are parallel.
 */
export async function writeTinyModel(
  dir: string,
  words: readonly string[],
  hidden = 4,
  onnxFile = 'model.onnx',
): Promise<TinyModel> {
  const vocab = [...SPECIAL_TOKENS, ...words];
  const table = new Float32Array(vocab.length * hidden);
  for (let r = 0; r < vocab.length; r++) {
    for (let c = 0; c < hidden; c++)
      table[r * hidden + c] = ((r * 7 + c * 3) % 11) - 5 + (r === 0 ? 0 : 0.25 * (c + 1));
  }
  await mkdir(join(dir, 'onnx'), { recursive: true });
  await writeFile(join(dir, 'onnx', onnxFile), buildEmbeddingModel(table, vocab.length, hidden));
  await writeFile(join(dir, 'tokenizer.json'), JSON.stringify(bertTokenizerJson(vocab)));
  await writeFile(
    join(dir, 'tokenizer_config.json'),
    JSON.stringify({
      tokenizer_class: 'BertTokenizer',
      do_lower_case: true,
      model_max_length: 512,
      cls_token: '[CLS]',
      sep_token: '[SEP]',
      pad_token: '[PAD]',
      unk_token: '[UNK]',
    }),
  );
  await writeFile(
    join(dir, 'config.json'),
    JSON.stringify({
      model_type: 'bert',
      architectures: ['BertModel'],
      hidden_size: hidden,
      vocab_size: vocab.length,
      max_position_embeddings: 512,
      pad_token_id: 0,
    }),
  );
  return { dir, vocab, table, hidden };
}
