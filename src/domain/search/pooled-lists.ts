import type { PackedLists } from './packed-lists.ts';

type Values = Int32Array<ArrayBuffer> | Float64Array<ArrayBuffer>;

/**
 * Short lists of numbers by key (a slot, an interned id), all in one typed array: per key where its list starts in
 * the pool, its length and its room (a compressed-row layout that can still change). A list that outgrows its room
 * moves to the pool's end, leaving its old room as garbage; a full pool is compacted into one twice the live size.
 * At 100k graduates the index's per-slot lists were 600k typed arrays and its inverted lists JS arrays of millions
 * of elements, all on the heap every major collection marks; here they are five typed arrays a kind of list.
 *
 * Readers take `values` and a key's `start` and `length` (valid until the next write).
 */
export class PooledLists<T extends Values> {
  #values: T;
  #start = new Int32Array(0);
  #length = new Int32Array(0);
  #room = new Int32Array(0);
  #used = 0;
  #garbage = 0;
  readonly #make: (n: number) => T;

  constructor(make: (n: number) => T) {
    this.#make = make;
    this.#values = make(64);
  }

  static int32(): PooledLists<Int32Array<ArrayBuffer>> {
    return new PooledLists((n) => new Int32Array(n));
  }

  static float64(): PooledLists<Float64Array<ArrayBuffer>> {
    return new PooledLists((n) => new Float64Array(n));
  }

  /** Lists packed by pack(), adopted as they are: no copy of the values (the pool is `packed.values`). */
  static from<T extends Values>(packed: PackedLists<T>, make: (n: number) => T): PooledLists<T> {
    const lists = new PooledLists(make);
    const keys = packed.offsets.length - 1;
    lists.#values = packed.values;
    lists.#start = packed.offsets.slice(0, Math.max(0, keys));
    lists.#length = new Int32Array(Math.max(0, keys));
    for (let key = 0; key < keys; key++)
      lists.#length[key] = (packed.offsets[key + 1] as number) - (packed.offsets[key] as number);
    lists.#room = lists.#length.slice();
    lists.#used = packed.values.length;
    return lists;
  }

  /** The pool (the values of every list). */
  get values(): T {
    return this.#values;
  }

  /** Keys below this may have a list (a key never given one has an empty one). */
  get keys(): number {
    return this.#start.length;
  }

  start(key: number): number {
    return key < this.#start.length ? (this.#start[key] as number) : 0;
  }

  length(key: number): number {
    return key < this.#length.length ? (this.#length[key] as number) : 0;
  }

  /** The key's list as a new plain array. */
  list(key: number): number[] {
    const from = this.start(key);
    return Array.from(this.#values.subarray(from, from + this.length(key)));
  }

  includes(key: number, value: number): boolean {
    const from = this.start(key);
    const to = from + this.length(key);
    const values = this.#values;
    for (let i = from; i < to; i++) if (values[i] === value) return true;
    return false;
  }

  /** Replaces the key's list (its room is exactly the new length). */
  set(key: number, list: ArrayLike<number>): void {
    this.clear(key);
    if (list.length === 0) return;
    this.#reserve(list.length);
    const at = this.#used;
    this.#values.set(list, at);
    this.#used += list.length;
    this.#start[key] = at;
    this.#length[key] = list.length;
    this.#room[key] = list.length;
  }

  /** Appends to the key's list; a full list moves to the end with twice its room. */
  push(key: number, value: number): void {
    this.#grow(key);
    const length = this.#length[key] as number;
    if (length === this.#room[key]) {
      const room = Math.max(4, 2 * length);
      this.#reserve(room);
      const from = this.#start[key] as number;
      const at = this.#used;
      this.#values.copyWithin(at, from, from + length);
      this.#used += room;
      this.#garbage += this.#room[key] as number;
      this.#start[key] = at;
      this.#room[key] = room;
    }
    this.#values[(this.#start[key] as number) + length] = value;
    this.#length[key] = length + 1;
  }

  /** Takes one occurrence of `value` out of the key's list: the last element takes its place. */
  removeOne(key: number, value: number): void {
    const from = this.start(key);
    const length = this.length(key);
    const values = this.#values;
    for (let i = from; i < from + length; i++) {
      if (values[i] !== value) continue;
      values[i] = values[from + length - 1] as number;
      this.#length[key] = length - 1;
      return;
    }
  }

  /** Empties the key's list and frees its room. */
  clear(key: number): void {
    this.#grow(key);
    this.#garbage += this.#room[key] as number;
    this.#start[key] = 0;
    this.#length[key] = 0;
    this.#room[key] = 0;
  }

  /** Every list in key order, end to end (PooledLists.from gives the same lists back). */
  pack(): PackedLists<T> {
    const keys = this.#start.length;
    const offsets = new Int32Array(keys + 1);
    for (let key = 0; key < keys; key++) offsets[key + 1] = (offsets[key] as number) + (this.#length[key] as number);
    const values = this.#make(offsets[keys] as number);
    for (let key = 0; key < keys; key++) {
      const from = this.#start[key] as number;
      values.set(this.#values.subarray(from, from + (this.#length[key] as number)), offsets[key] as number);
    }
    return { offsets, values };
  }

  /** Room in the per-key columns for `key`. */
  #grow(key: number): void {
    if (key < this.#start.length) return;
    const size = Math.max(64, 2 * (key + 1));
    const widen = (a: Int32Array): Int32Array<ArrayBuffer> => {
      const grown = new Int32Array(size);
      grown.set(a);
      return grown;
    };
    this.#start = widen(this.#start);
    this.#length = widen(this.#length);
    this.#room = widen(this.#room);
  }

  /** `n` free values at the pool's end: the live lists (with their rooms) compacted in key order if need be. */
  #reserve(n: number): void {
    if (this.#used + n <= this.#values.length) return;
    const live = this.#used - this.#garbage;
    const values = this.#make(Math.max(64, 2 * (live + n)));
    let at = 0;
    for (let key = 0; key < this.#start.length; key++) {
      const room = this.#room[key] as number;
      if (room === 0) continue;
      const from = this.#start[key] as number;
      values.set(this.#values.subarray(from, from + (this.#length[key] as number)), at);
      this.#start[key] = at;
      at += room;
    }
    this.#values = values;
    this.#used = at;
    this.#garbage = 0;
  }
}
