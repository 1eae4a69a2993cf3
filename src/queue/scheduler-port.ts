/** A tenant's audit cron as the queue's job scheduler holds it. */
export interface ScheduleSpec {
  cron: string;
  timezone: string;
}

/**
 * The queue side of scheduled audits: one job scheduler per tenant (id = tenant id) that enqueues a
 * `scheduled-audit` job at each cron tick. The BullMQ adapter is bullmq-scheduler.ts.
 */
export interface AuditScheduler {
  /** Creates or replaces the tenant's scheduler (the next tick follows the new pattern at once). */
  upsert(tenantId: string, spec: ScheduleSpec): Promise<void>;
  remove(tenantId: string): Promise<void>;
  get(tenantId: string): Promise<(ScheduleSpec & { next: Date | null }) | null>;
  /** Every scheduler the queue holds (tenant ids), to remove those whose setting is gone. */
  list(): Promise<string[]>;
  close(): Promise<void>;
}
