import { describe, expect, it } from 'vitest';
import { parseRow, repeatedKey, resolveHeaders, rowKey } from '../../../src/domain/imports/columns.ts';
import {
  OUTCOME_COLUMNS,
  OUTCOME_KEY,
  outcomeInputFrom,
  projectOutcome,
} from '../../../src/domain/imports/outcomes.ts';

const header = (cells: string[]) => {
  const r = resolveHeaders(OUTCOME_COLUMNS, cells, OUTCOME_KEY);
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.map;
};
const record = (headers: string[], cells: string[]) => {
  const r = parseRow(OUTCOME_COLUMNS, header(headers), cells);
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.value;
};

describe('the outcomes row key (学号 and date)', () => {
  it('needs both key columns in the header', () => {
    const r = resolveHeaders(OUTCOME_COLUMNS, ['学号', '毕业去向'], OUTCOME_KEY);
    expect(r.ok ? [] : r.errors.map((e) => [e.key, e.message.en])).toEqual([
      ['as_of', 'the required column "As Of" (or 去向日期) is missing'],
    ]);
  });

  it('joins 学号 and the canonical date, so 2026/9/1 and 2026-09-01 are one key', () => {
    const a = record(['学号', '去向日期', '毕业去向'], ['s-1', '2026/9/1', '升学']);
    const b = record(['Graduate External ID', 'As Of', 'Status'], ['s-1', '2026-09-01', 'further_study']);
    expect(rowKey(OUTCOME_COLUMNS, OUTCOME_KEY, a)).toEqual({ ok: true, value: 's-1\t2026-09-01' });
    expect(rowKey(OUTCOME_COLUMNS, OUTCOME_KEY, b)).toEqual(rowKey(OUTCOME_COLUMNS, OUTCOME_KEY, a));
    expect(repeatedKey(OUTCOME_COLUMNS, OUTCOME_KEY, 's-1\t2026-09-01', 2).message.zh).toBe(
      '学号“s-1”、去向日期“2026-09-01”与第 2 行重复',
    );
  });

  it('names each empty key cell', () => {
    const r = rowKey(OUTCOME_COLUMNS, OUTCOME_KEY, record(['学号', '去向日期'], ['', '']));
    expect(r.ok ? [] : r.errors.map((e) => e.key)).toEqual(['graduate_external_id', 'as_of']);
  });
});

describe('an outcome from a row', () => {
  const employed = projectOutcome(
    { asOf: '2026-09-01', status: 'employed', employerName: '楚天智能', city: '武汉', salaryBand: '8k-12k' },
    's-1',
  );

  it('keeps the current values of columns the file does not have', () => {
    const r = record(['学号', '去向日期', '工作城市'], ['s-1', '2026-09-01', '上海']);
    expect(outcomeInputFrom(r, employed)).toEqual({
      ok: true,
      value: { asOf: '2026-09-01', status: 'employed', employerName: '楚天智能', city: '上海', salaryBand: '8k-12k' },
    });
  });

  it('drops the employment fields the file leaves out once the record is no longer employed', () => {
    const r = record(['学号', '去向日期', '毕业去向'], ['s-1', '2026-09-01', '升学']);
    expect(outcomeInputFrom(r, employed)).toEqual({ ok: true, value: { asOf: '2026-09-01', status: 'further_study' } });
  });

  it('refuses employment fields the file gives for another status, naming the column', () => {
    const r = record(['学号', '去向日期', '毕业去向', '就业单位'], ['s-1', '2026-09-01', '灵活就业', 'X']);
    const built = outcomeInputFrom(r, undefined);
    expect(built.ok ? [] : built.errors.map((e) => e.key)).toEqual(['employer_name']);
  });

  it('needs a status for a new record', () => {
    const built = outcomeInputFrom(record(['学号', '去向日期'], ['s-1', '2026-09-01']), undefined);
    expect(built.ok ? [] : built.errors.map((e) => e.key)).toEqual(['status']);
  });
});
