/** Structured JSON logs, one object per line; callers never pass personal data. */
export interface Logger {
  info(event: string, fields?: Record<string, unknown>): void;
  warn(event: string, fields?: Record<string, unknown>): void;
  error(event: string, fields?: Record<string, unknown>): void;
}

const levels = { debug: 10, info: 20, warn: 30, error: 40, silent: 100 } as const;
export type LogLevel = keyof typeof levels;

/**
 * Fields every line gets from where it is written, e.g. the job and the request id that enqueued it while a
 * job runs (the Node entries pass an AsyncLocalStorage's store; elsewhere none).
 */
export type AmbientFields = () => object | undefined;

export function createJsonLogger(
  level: LogLevel,
  write: (line: string) => void = (line) => console.log(line),
  ambient?: AmbientFields,
): Logger {
  const min = levels[level];
  const emit = (lvl: 'info' | 'warn' | 'error', event: string, fields: Record<string, unknown> = {}) => {
    if (levels[lvl] < min) return;
    write(JSON.stringify({ time: new Date().toISOString(), level: lvl, event, ...ambient?.(), ...fields }));
  };
  return {
    info: (event, fields) => emit('info', event, fields),
    warn: (event, fields) => emit('warn', event, fields),
    error: (event, fields) => emit('error', event, fields),
  };
}

export const silentLogger: Logger = { info: () => {}, warn: () => {}, error: () => {} };

/**
 * An operator line (start-up, the demo keys, what blocks background work, shutdown): a JSON log line like
 * every other, whose `msg` is the sentence a person reads (`graduate key: bole_…`, so grep finds it), with
 * `event` and structured `fields` for machines. Printed at every LOG_LEVEL but `silent`: the demo keys and
 * the listening address must not vanish because requests are logged at `warn`.
 */
export type Say = (msg: string, event?: string, fields?: Record<string, unknown>) => void;

export function createSay(level: LogLevel, write: (line: string) => void = (line) => console.log(line)): Say {
  return (msg, event = 'status', fields = {}) => {
    if (level === 'silent') return;
    write(JSON.stringify({ time: new Date().toISOString(), level: 'info', event, msg, ...fields }));
  };
}

/**
 * The readable text of a process's output: each JSON log line's `msg` (lines without one are left out),
 * and lines that are not JSON as they are. Tests and benchmarks read start-up lines through it.
 */
export function readableLines(output: string): string {
  const lines: string[] = [];
  for (const line of output.split('\n')) {
    if (!line.startsWith('{')) {
      if (line.trim()) lines.push(line);
      continue;
    }
    try {
      const parsed: unknown = JSON.parse(line);
      if (parsed && typeof parsed === 'object' && 'msg' in parsed && typeof parsed.msg === 'string')
        lines.push(parsed.msg);
    } catch {
      lines.push(line); // a line cut at a chunk boundary, or not JSON after all
    }
  }
  return lines.join('\n');
}
