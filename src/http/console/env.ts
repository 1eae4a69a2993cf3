import type { Lang } from '../../domain/model/common.ts';
import type { ConsoleSession } from '../../services/people/sessions.ts';
import type { AppVariables } from '../env.ts';

export interface ConsoleVariables extends AppVariables {
  lang: Lang;
  /** The signed-in person, on every page but the sign-in page and the assets. */
  session: ConsoleSession;
  /** The parsed form of a POST, after its CSRF token was checked. */
  form: Record<string, string>;
}

export interface ConsoleEnv {
  Variables: ConsoleVariables;
}
