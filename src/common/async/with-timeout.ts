/**
 * Settles as `call` does, or rejects with `Error(message)` once `ms` have passed, whichever comes first. The timer
 * never outlives the race, and a late rejection of the abandoned call is handled, never an unhandled rejection.
 */
export async function withTimeout<T>(call: Promise<T>, ms: number, message: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(message)), ms);
  });
  call.catch(() => undefined);
  try {
    return await Promise.race([call, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
