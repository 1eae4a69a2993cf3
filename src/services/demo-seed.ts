import type { Database } from '../storage/db.ts';

export interface DemoResult {
  tenantId: string;
  summary: string;
  keys: Record<string, string>;
}

/** Placeholder until the demo generator lands: seeds nothing. */
export async function ensureDemoData(_database: Database, _opts: { seed: number; progress: (line: string) => void }): Promise<DemoResult | undefined> {
  return undefined;
}
