/**
 * Memoises an async loader: every caller shares the first load, and a load that failed is forgotten, so
 * the next call tries again (a database or model server that was away at the first request).
 */
export function memoiseWithRetry<A extends unknown[], T>(load: (...args: A) => Promise<T>): (...args: A) => Promise<T> {
  let pending: Promise<T> | null = null;
  return (...args) => {
    pending ??= load(...args).catch((error: unknown) => {
      pending = null;
      throw error;
    });
    return pending;
  };
}
