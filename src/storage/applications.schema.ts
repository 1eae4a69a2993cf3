import type { ColumnType, Selectable } from 'kysely';

type Timestamp = ColumnType<Date, Date | string, Date | string>;
type NullableTime = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;

export interface ApplicationsTable {
  id: string;
  tenant_id: string;
  graduate_id: string;
  posting_id: string;
  impression_id: string | null;
  status: string;
  applied_at: NullableTime;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface ApplicationEventsTable {
  id: string;
  seq: ColumnType<string, never, never>;
  tenant_id: string;
  application_id: string;
  graduate_id: string;
  from_status: string | null;
  to_status: string;
  reason: string | null;
  actor_role: string;
  actor_key_id: string;
  interaction_id: string | null;
  occurred_at: Timestamp;
}

export interface ApplicationTables {
  applications: ApplicationsTable;
  application_events: ApplicationEventsTable;
}

export type ApplicationRow = Selectable<ApplicationsTable>;
export type ApplicationEventRow = Selectable<ApplicationEventsTable>;
