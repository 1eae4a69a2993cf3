import { CompiledQuery, type Compilable } from 'kysely';

/**
 * A statement built by Kysely once and then run with other values: the builder is compiled with placeholder values
 * (strings no caller passes), and each run puts the caller's values where those placeholders stand. So the text and
 * the parameters' order are exactly what building it again would give, without building and compiling an operation
 * tree per request (a list's two statements did: 4 % of a recommendation's CPU at 100k, 2026-12-07).
 */
export class StatementShape<R> {
  readonly sql: string;
  /** For each parameter: the placeholder's index in `values` of run(), or -1 for a constant kept as compiled. */
  readonly #slots: Int32Array;
  readonly #constants: readonly unknown[];

  constructor(compiled: CompiledQuery<R>, placeholders: readonly string[]) {
    this.sql = compiled.sql;
    const index = new Map(placeholders.map((p, i) => [p, i]));
    this.#constants = compiled.parameters;
    this.#slots = Int32Array.from(compiled.parameters, (p) => (typeof p === 'string' ? (index.get(p) ?? -1) : -1));
  }

  /** The statement with `values[i]` where placeholder i stood. */
  bind(values: readonly unknown[]): CompiledQuery<R> {
    const slots = this.#slots;
    const parameters = new Array<unknown>(slots.length);
    for (let j = 0; j < slots.length; j++) {
      const slot = slots[j] as number;
      parameters[j] = slot < 0 ? this.#constants[j] : values[slot];
    }
    return CompiledQuery.raw(this.sql, parameters) as CompiledQuery<R>;
  }
}

/** A placeholder string for value i of a shape: a NUL no text column holds, so no real value equals it. */
export const placeholder = (i: number): string => `\u0000bole:${i}`;

/** The shape of `build(placeholders)`: call once per distinct shape, then bind() per run. */
export function shapeOf<R>(count: number, build: (placeholders: string[]) => Compilable<R>): StatementShape<R> {
  const placeholders = Array.from({ length: count }, (_, i) => placeholder(i));
  return new StatementShape(build(placeholders).compile(), placeholders);
}
