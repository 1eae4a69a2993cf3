import { packInt32, type PackedLists } from './packed-lists.ts';

/**
 * Inverted lists over interned ids: per id, the slots (stable per graduate, see GraduateIndex) holding it.
 * A scan that needs only the slots sharing an id with its query walks these instead of every row.
 */
export class SlotLists {
  readonly #lists: Array<number[] | undefined> = [];

  /** Every list, in id order and each in its own order (SlotLists.from gives the same lists back). */
  pack(): PackedLists<Int32Array> {
    return packInt32(this.#lists);
  }

  static from(packed: PackedLists<Int32Array>): SlotLists {
    const lists = new SlotLists();
    const { offsets, values } = packed;
    lists.#lists.length = offsets.length - 1;
    for (let id = 0; id + 1 < offsets.length; id++) {
      const from = offsets[id] as number;
      const to = offsets[id + 1] as number;
      // An empty list reads as an absent one (of() and add() treat both alike).
      if (to > from) lists.#lists[id] = Array.from(values.subarray(from, to));
    }
    return lists;
  }

  /** Adds `slot` to the list of every id in `ids` (an id listed twice is added twice, as it counts twice). */
  add(ids: ArrayLike<number>, slot: number): void {
    for (let i = 0; i < ids.length; i++) (this.#lists[ids[i] as number] ??= []).push(slot);
  }

  /** Takes `slot` out of the lists of `ids` (once per occurrence, mirroring add). */
  remove(ids: ArrayLike<number>, slot: number): void {
    for (let i = 0; i < ids.length; i++) {
      const list = this.#lists[ids[i] as number];
      if (!list) continue;
      const at = list.indexOf(slot);
      if (at >= 0) {
        list[at] = list[list.length - 1] as number;
        list.length--;
      }
    }
  }

  /** The slots holding `id` (in no particular order). */
  of(id: number): readonly number[] {
    return this.#lists[id] ?? NONE;
  }
}

const NONE: readonly number[] = [];
