// @vitest-environment jsdom
import {afterEach, beforeEach, describe, expect, test} from "vitest";
import {afterFrame, inTurn, resetTurns} from "../../src/components/turns.js";

/** A page whose frames come when the test says, with a <main>. */
function fakePage({hidden = false} = {}) {
  const frames: (() => void)[] = [];
  const main = document.createElement("main");
  const doc = {
    visibilityState: hidden ? "hidden" : "visible",
    defaultView: {requestAnimationFrame: (callback: () => void) => frames.push(callback)},
    querySelector: (selector: string) => (selector === "main" ? main : null)
  } as unknown as Document;
  /** Paints one frame and lets the task after it run. */
  const frame = async () => {
    // The piece asks for its frame a microtask after inTurn is called.
    await new Promise((resolve) => setTimeout(resolve, 0));
    for (const callback of frames.splice(0)) callback();
    await new Promise((resolve) => setTimeout(resolve, 0));
    await new Promise((resolve) => setTimeout(resolve, 0));
  };
  return {doc, main, frame, frames};
}

beforeEach(resetTurns);
afterEach(resetTurns);

describe("inTurn", () => {
  test("draws each piece a frame after the one before, in the order asked, and says the page is busy meanwhile", async () => {
    const {doc, main, frame} = fakePage();
    const drawn: string[] = [];
    const pieces = ["a", "b", "c"].map((name) => inTurn(() => (drawn.push(name), name), doc));
    expect(main.getAttribute("aria-busy")).toBe("true");
    expect(drawn).toEqual([]);
    await frame();
    expect(drawn).toEqual(["a"]);
    await frame();
    expect(drawn).toEqual(["a", "b"]);
    await frame();
    expect(await Promise.all(pieces)).toEqual(["a", "b", "c"]);
    expect(main.hasAttribute("aria-busy")).toBe(false);
  });

  test("a piece that throws rejects its own promise and does not stop the pieces after it", async () => {
    const {doc, frame} = fakePage();
    const failing = inTurn(() => {
      throw new Error("no");
    }, doc);
    const after = inTurn(() => "drawn", doc);
    const failed = expect(failing).rejects.toThrow("no");
    await frame();
    await failed;
    await frame();
    expect(await after).toBe("drawn");
  });

  test("once the first drawing is done, later pieces (a filter changed) draw without waiting for a frame", async () => {
    const {doc, main, frame, frames} = fakePage();
    const first = inTurn(() => 1, doc);
    await frame();
    await first;
    let drawn = false;
    const later = inTurn(() => (drawn = true), doc);
    await Promise.resolve();
    expect(drawn).toBe(true);
    expect(frames).toHaveLength(0);
    expect(main.hasAttribute("aria-busy")).toBe(false);
    await later;
  });

  test("a hidden page has no frames: pieces still draw", async () => {
    const {doc} = fakePage({hidden: true});
    expect(await inTurn(() => "drawn", doc)).toBe("drawn");
  });
});

describe("afterFrame", () => {
  test("goes on without a frame that never comes (a page hidden after it asked)", async () => {
    const {doc, frames} = fakePage();
    const started = Date.now();
    await afterFrame(doc);
    expect(frames).toHaveLength(1);
    expect(Date.now() - started).toBeGreaterThanOrEqual(200);
  });
});
