/**
 * Where a chart's marks land, for tests: the x and y of each `.mark` in the SVG's own coordinates (its
 * viewBox), from cx/cy, x/y or a translate(), plus the translations of the groups around it.
 */
export function markPositions(figure: Element): {id: string; x: number; y: number}[] {
  return [...figure.querySelectorAll("svg .mark")].map((mark) => {
    let x = 0;
    let y = 0;
    const own = ownPosition(mark);
    x += own.x;
    y += own.y;
    for (let node = mark.parentElement; node && node.tagName.toLowerCase() !== "svg"; node = node.parentElement) {
      const t = translate(node);
      x += t.x;
      y += t.y;
    }
    return {id: mark.getAttribute("data-id") ?? "", x, y};
  });
}

function ownPosition(mark: Element): {x: number; y: number} {
  if (mark.hasAttribute("cx")) return {x: num(mark, "cx"), y: num(mark, "cy")};
  if (mark.hasAttribute("x")) return {x: num(mark, "x"), y: num(mark, "y")};
  return translate(mark);
}

function num(el: Element, name: string): number {
  const value = Number(el.getAttribute(name));
  if (!Number.isFinite(value)) throw new Error(`${name}="${el.getAttribute(name)}" is not a number`);
  return value;
}

function translate(el: Element): {x: number; y: number} {
  const match = /translate\(\s*(-?[\d.e+-]+)[,\s]+(-?[\d.e+-]+)\s*\)/.exec(el.getAttribute("transform") ?? "");
  return match ? {x: Number(match[1]), y: Number(match[2])} : {x: 0, y: 0};
}

/** The SVG's viewBox as [width, height]. */
export function viewBox(figure: Element): [number, number] {
  const [, , w, h] = (figure.querySelector("svg")!.getAttribute("viewBox") ?? "").split(/\s+/).map(Number);
  return [w, h];
}

/** The accessible name of a chart's SVG: the texts of the elements aria-labelledby points to. */
export function accessibleName(figure: Element): string[] {
  const svg = figure.querySelector("svg")!;
  return (svg.getAttribute("aria-labelledby") ?? "").split(" ").map((id) => figure.querySelector(`[id="${id}"]`)?.textContent ?? "");
}
