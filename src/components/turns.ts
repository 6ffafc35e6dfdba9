/**
 * Pieces of a page's first drawing taken one frame apart. A page that builds several tables or charts at once
 * (/data: seven grids; a story page: three charts) makes one task of building them and one frame of laying
 * them all out: on a phone 150–350 ms, which a reader feels as a frozen page and Lighthouse counts as blocking
 * time. `inTurn` runs each piece in its own task, after the frame that showed the piece before it, in the order
 * they were asked for.
 *
 * Only while the page first draws. Once every piece asked for has been drawn, later ones (a filter changed, a
 * table fetched anew) draw at once, as before: the reader is waiting for them, and a chart that re-runs must
 * replace the old one within the same frame, or the page would show a frame without it and jump.
 */
let queue: Promise<unknown> = Promise.resolve();
let waiting = 0;
let settled = false;

/** `draw()`, once every piece asked for before it has been drawn and a frame has shown it. */
export function inTurn<T>(draw: () => T, doc: Document | undefined = globalThis.document): Promise<T> {
  if (settled) return Promise.resolve().then(draw);
  if (waiting++ === 0) busy(doc, true);
  const turn = queue.then(() => afterFrame(doc)).then(draw);
  // A piece that throws does not stop the pieces after it; its caller still sees the error.
  queue = turn
    .catch(() => undefined)
    .then(() => {
      if (--waiting > 0) return;
      settled = true;
      busy(doc, false);
    });
  return turn;
}

/** While pieces wait, the page's main region says it is busy (to assistive technology, and to tests that wait). */
function busy(doc: Document | undefined, on: boolean): void {
  const main = doc?.querySelector("main");
  if (!main) return;
  if (on) main.setAttribute("aria-busy", "true");
  else main.removeAttribute("aria-busy");
}

/**
 * Resolves in a task of its own after the next frame. A hidden page has no frames, so after a short wait it
 * goes on without one rather than hold the page's drawing until the reader comes back.
 */
export function afterFrame(doc: Document | undefined = globalThis.document): Promise<void> {
  return new Promise((resolve) => {
    const view = doc?.defaultView;
    if (!view || doc!.visibilityState === "hidden") return void nextTask().then(resolve);
    let done = false;
    const go = () => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      void nextTask().then(resolve);
    };
    const timer = setTimeout(go, HIDDEN_WAIT_MS);
    view.requestAnimationFrame(go);
  });
}

const HIDDEN_WAIT_MS = 250;

/** Resolves in a task of its own, after whatever the page has waiting (input, a frame). */
export function nextTask(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/** For tests: a fresh queue, as on a page that has not drawn yet. */
export function resetTurns(): void {
  queue = Promise.resolve();
  waiting = 0;
  settled = false;
}
