/**
 * Lets the event loop serve whatever is waiting (a request's next step, its query) before a long piece of background
 * work goes on: PGlite answers without leaving the microtask queue and pure scoring never leaves it, so a loop of
 * either would otherwise hold the only thread until it ends. A macrotask (setImmediate; setTimeout 0 on runtimes
 * without it) runs after the I/O callbacks already queued.
 */
export function giveWay(): Promise<void> {
  return new Promise<void>((resolve) =>
    typeof setImmediate === 'function' ? setImmediate(resolve) : setTimeout(resolve, 0),
  );
}
