/** Maps strings to small dense integers, so per-row features can live in typed arrays. */
export class Interner {
  readonly #ids = new Map<string, number>();
  readonly #names: string[] = [];

  get size(): number {
    return this.#names.length;
  }

  intern(name: string): number {
    let id = this.#ids.get(name);
    if (id === undefined) {
      id = this.#names.length;
      this.#ids.set(name, id);
      this.#names.push(name);
    }
    return id;
  }

  /** The id of a known name, or −1. */
  find(name: string): number {
    return this.#ids.get(name) ?? -1;
  }

  nameOf(id: number): string {
    return this.#names[id] ?? '';
  }

  /** The names in id order: interned again in this order, they get the same ids (a snapshot's restore). */
  names(): string[] {
    return this.#names.slice();
  }

  internAll(names: readonly string[]): Int32Array {
    // A plain loop: Int32Array.from with a callback costs several times as much, once per row list at start-up.
    const ids = new Int32Array(names.length);
    for (let i = 0; i < names.length; i++) ids[i] = this.intern(names[i] as string);
    return ids;
  }
}
