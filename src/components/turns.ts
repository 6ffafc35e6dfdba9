/**
 * Pieces of a page's drawing taken one frame apart. A page that builds several tables at once (/data: seven
 * grids) makes one task of building them and one frame of laying them all out: at a phone's speed, 150 ms and
 * 350 ms, which a reader feels as a frozen page and Lighthouse counts as blocking time. `inTurn` runs each piece
 * in its own task, after the previous piece has been laid out and painted, in the order they were asked for.
 */
let queue: Promise<unknown> = Promise.resolve();

/** `draw()`, once every piece asked for before it has been drawn and a frame has shown it. */
export function inTurn<T>(draw: () => T): Promise<T> {
  const turn = queue.then(() => afterFrame()).then(draw);
  // One piece that throws must not stop the pieces after it; the caller still sees its error.
  queue = turn.catch(() => undefined);
  return turn;
}

/** Resolves in a task of its own after the next frame; a hidden page has no frames, so it only yields. */
export function afterFrame(doc: Document | undefined = globalThis.document): Promise<void> {
  return new Promise((resolve) => {
    const view = doc?.defaultView;
    if (!view || doc!.visibilityState === "hidden") setTimeout(resolve, 0);
    else view.requestAnimationFrame(() => setTimeout(resolve, 0));
  });
}
