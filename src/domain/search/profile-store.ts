import type { ProfileFeatures, SkillEvidence } from '../matching/features.ts';
import type { JobType } from '../model/common.ts';
import { Interner } from './interner.ts';

/**
 * A ProfileStore as plain data and typed arrays (ProfileStore.snapshot), so it crosses a thread boundary as a few
 * buffers moved and one array of distinct strings cloned.
 */
export interface ProfileStoreSnapshot {
  words: string[];
  pool: Int32Array<ArrayBuffer>;
  offsets: Int32Array<ArrayBuffer>;
  salary: Float64Array<ArrayBuffer>;
}

/** A record's head: degree, remote, then the counts of skills, majors, groups, locations, regions and job types. */
const HEAD = 8;
const SKILL = 4;

/**
 * Graduates' ProfileFeatures by slot, each a record of interned string ids in one Int32Array (and its salary floor
 * in a Float64Array), decoded when a row is scored. A features object held per graduate was about seventy heap
 * objects (a Map, an evidence object and three strings a skill, five arrays): at 100k graduates several million
 * objects every major collection marked again, for the few dozen rows a list scores exactly. The strings repeat
 * (skill ids, fields, declared names), so the distinct ones are held once. Rewritten and deleted records leave
 * garbage, dropped whenever the pool fills up (live records are copied in slot order into a pool twice their size).
 */
export class ProfileStore {
  readonly #words = new Interner();
  #pool = new Int32Array(4096);
  /** Per slot the record's offset in the pool, −1 for none. */
  #offsets = new Int32Array(0);
  /** Per slot the salary floor, NaN for null. */
  #salary = new Float64Array(0);
  #used = 0;
  #garbage = 0;

  set(slot: number, f: ProfileFeatures): void {
    const len =
      HEAD +
      SKILL * f.skills.size +
      f.majors.length +
      f.majorGroups.length +
      f.locations.length +
      f.regions.length +
      f.jobTypes.length;
    this.delete(slot);
    this.#reserve(len, slot);
    const words = this.#words;
    const pool = this.#pool;
    let at = this.#used;
    this.#offsets[slot] = at;
    this.#salary[slot] = f.salaryFloor ?? NaN;
    pool[at++] = f.degree === null ? -1 : words.intern(f.degree);
    pool[at++] = words.intern(f.remote);
    pool[at++] = f.skills.size;
    pool[at++] = f.majors.length;
    pool[at++] = f.majorGroups.length;
    pool[at++] = f.locations.length;
    pool[at++] = f.regions.length;
    pool[at++] = f.jobTypes.length;
    // A skill's source and field are one of a few words, mostly the previous skill's: compared before looked up.
    let source = '';
    let sourceId = -1;
    let field = '';
    let fieldId = -1;
    for (const [id, e] of f.skills) {
      pool[at++] = words.intern(id);
      if (e.source !== source || sourceId < 0) sourceId = words.intern((source = e.source));
      if (e.field !== field || fieldId < 0) fieldId = words.intern((field = e.field));
      pool[at++] = sourceId;
      pool[at++] = fieldId;
      pool[at++] = words.intern(e.text);
    }
    for (const list of [f.majors, f.majorGroups, f.locations, f.regions, f.jobTypes])
      for (const name of list) pool[at++] = words.intern(name);
    this.#used = at;
  }

  /** The features stored for the slot (a new object each call, equal to the one stored), if any. */
  get(slot: number): ProfileFeatures | undefined {
    const o = slot < this.#offsets.length ? (this.#offsets[slot] as number) : -1;
    if (o < 0) return undefined;
    const pool = this.#pool;
    const words = this.#words;
    const word = (at: number): string => words.nameOf(pool[at] as number);
    const degree = pool[o] as number;
    const skillCount = pool[o + 2] as number;
    const skills = new Map<string, SkillEvidence>();
    let at = o + HEAD;
    for (let i = 0; i < skillCount; i++, at += SKILL)
      skills.set(word(at), {
        source: word(at + 1) as SkillEvidence['source'],
        field: word(at + 2),
        text: word(at + 3),
      });
    const list = (count: number): string[] => {
      const names = new Array<string>(count);
      for (let i = 0; i < count; i++) names[i] = word(at++);
      return names;
    };
    const salary = this.#salary[slot] as number;
    return {
      skills,
      degree: degree < 0 ? null : (words.nameOf(degree) as ProfileFeatures['degree']),
      majors: list(pool[o + 3] as number),
      majorGroups: list(pool[o + 4] as number),
      locations: list(pool[o + 5] as number),
      regions: list(pool[o + 6] as number),
      remote: word(o + 1) as ProfileFeatures['remote'],
      jobTypes: list(pool[o + 7] as number) as JobType[],
      salaryFloor: Number.isNaN(salary) ? null : salary,
    };
  }

  /** The slot's degree alone (what get(slot).degree is), without decoding the rest of the record. */
  degreeOf(slot: number): ProfileFeatures['degree'] | undefined {
    const o = slot < this.#offsets.length ? (this.#offsets[slot] as number) : -1;
    if (o < 0) return undefined;
    const degree = this.#pool[o] as number;
    return degree < 0 ? null : (this.#words.nameOf(degree) as ProfileFeatures['degree']);
  }

  delete(slot: number): void {
    if (slot >= this.#offsets.length || (this.#offsets[slot] as number) < 0) return;
    this.#garbage += this.#span(this.#offsets[slot] as number);
    this.#offsets[slot] = -1;
  }

  /** The live records only, in slot order (ProfileStore.restore gives the same store back). */
  snapshot(): ProfileStoreSnapshot {
    const { pool, offsets } = this.#compacted(this.#used - this.#garbage);
    return { words: this.#words.names(), pool, offsets, salary: this.#salary.slice() };
  }

  static restore(s: ProfileStoreSnapshot): ProfileStore {
    const store = new ProfileStore();
    for (const word of s.words) store.#words.intern(word);
    store.#pool = s.pool;
    store.#offsets = s.offsets;
    store.#salary = s.salary;
    store.#used = s.pool.length;
    return store;
  }

  #span(o: number): number {
    const pool = this.#pool;
    let len = HEAD + SKILL * (pool[o + 2] as number);
    for (let j = 3; j < HEAD; j++) len += pool[o + j] as number;
    return len;
  }

  /** Room for a record of `len` at the pool's end, and for `slot` in the per-slot columns. */
  #reserve(len: number, slot: number): void {
    if (slot >= this.#offsets.length) {
      const size = Math.max(64, 2 * (slot + 1));
      const offsets = new Int32Array(size).fill(-1);
      offsets.set(this.#offsets);
      this.#offsets = offsets;
      const salary = new Float64Array(size);
      salary.set(this.#salary);
      this.#salary = salary;
    }
    if (this.#used + len <= this.#pool.length) return;
    const live = this.#used - this.#garbage;
    const { pool, offsets } = this.#compacted(Math.max(4096, 2 * (live + len)));
    this.#pool = pool;
    this.#offsets = offsets;
    this.#used = live;
    this.#garbage = 0;
  }

  /** The live records copied in slot order into a pool of `size` elements, and their offsets there. */
  #compacted(size: number): { pool: Int32Array<ArrayBuffer>; offsets: Int32Array<ArrayBuffer> } {
    const pool = new Int32Array(size);
    const offsets = this.#offsets.slice();
    let at = 0;
    for (let slot = 0; slot < offsets.length; slot++) {
      const o = offsets[slot] as number;
      if (o < 0) continue;
      const span = this.#span(o);
      pool.set(this.#pool.subarray(o, o + span), at);
      offsets[slot] = at;
      at += span;
    }
    return { pool, offsets };
  }
}
