import type { ColumnType, Selectable } from 'kysely';

type Timestamp = ColumnType<Date, Date | string, Date | string>;
type NullableTime = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;

export interface SavedSearchesTable {
  id: string;
  tenant_id: string;
  graduate_id: string;
  name: string;
  /** q and the filters of GET /v1/jobs/search (SavedSearchQuery), as JSON. */
  query: ColumnType<unknown, string | null, string | null>;
  kind: ColumnType<string, string | undefined, string>;
  min_score: number | null;
  frequency: string;
  checked_through: Timestamp;
  alerts_from: Timestamp;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface AlertDigestsTable {
  id: string;
  tenant_id: string;
  graduate_id: string;
  item_count: number;
  status: string;
  attempts: ColumnType<number, number | undefined, number>;
  last_status_code: number | null;
  last_error: string | null;
  created_at: Timestamp;
  delivered_at: NullableTime;
}

export interface GraduateAlertsTable {
  id: string;
  tenant_id: string;
  graduate_id: string;
  saved_search_id: string;
  posting_id: string;
  impression_id: string;
  score: number;
  explanation: string;
  digest_id: string | null;
  created_at: Timestamp;
  read_at: NullableTime;
  dismissed_at: NullableTime;
}

export interface AlertTables {
  saved_searches: SavedSearchesTable;
  alert_digests: AlertDigestsTable;
  graduate_alerts: GraduateAlertsTable;
}

export type SavedSearchRow = Selectable<SavedSearchesTable>;
export type AlertDigestRow = Selectable<AlertDigestsTable>;
export type GraduateAlertRow = Selectable<GraduateAlertsTable>;
