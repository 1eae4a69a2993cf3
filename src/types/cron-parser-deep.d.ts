// cron-parser ships its per-module types under dist/types; the deep import used by
// src/services/audit-ops/cron.ts gets the same types as the package index.
declare module 'cron-parser/dist/CronExpressionParser.js' {
  export { CronExpressionParser } from 'cron-parser';
}
