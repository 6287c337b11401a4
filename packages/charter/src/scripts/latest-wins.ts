/**
 * Runs an async task so that at most one run is under way, and calls made meanwhile fold into a
 * single run afterwards. Typing "caller on hold" asks for a search at every key; on a large index
 * each search takes a while, and running them all would queue a second of stale work behind the
 * last key. This way the last key waits for at most the run in progress, then its own. The task is
 * told whether a call came in since it started, so it can skip showing an answer already out of date.
 */
export function latestWins(task: (superseded: () => boolean) => Promise<void>): () => Promise<void> {
  let running: Promise<void> | undefined;
  let again = false;
  const loop = async () => {
    try {
      do {
        again = false;
        await task(() => again);
      } while (again);
    } finally {
      running = undefined;
    }
  };
  return () => {
    if (running) {
      again = true;
      return running;
    }
    running = loop();
    return running;
  };
}
