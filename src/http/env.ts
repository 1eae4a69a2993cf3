import type { OpenAPIHono } from '@hono/zod-openapi';
import type { Principal, ServiceContext } from '../services/context.ts';
import type { Database } from '../storage/db.ts';

export interface AppVariables {
  requestId: string;
  database: Database;
  principal: Principal;
  ctx: ServiceContext;
}

export interface AppEnv {
  Variables: AppVariables;
}

export type App = OpenAPIHono<AppEnv>;
