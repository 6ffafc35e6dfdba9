import {describe, expect, test} from "vitest";
import {isKebabId, splitList} from "../../src/lib/ids.js";

describe("isKebabId", () => {
  test.each(["zhipu", "01ai", "minimax-founding", "a-b-c", "x1-2y"])("isKebabId(%j) is true", (s) => {
    expect(isKebabId(s)).toBe(true);
  });

  test.each(["", "Zhipu", "zhi_pu", "-a", "a-", "a--b", "a b", "智谱", "a.b"])("isKebabId(%j) is false", (s) => {
    expect(isKebabId(s)).toBe(false);
  });
});

describe("splitList", () => {
  test('splitList("a;b;c") splits on ;', () => {
    expect(splitList("a;b;c")).toEqual(["a", "b", "c"]);
  });

  test('splitList(" a ; b ;c ") trims items', () => {
    expect(splitList(" a ; b ;c ")).toEqual(["a", "b", "c"]);
  });

  test('splitList("a;;b;") drops empty items', () => {
    expect(splitList("a;;b;")).toEqual(["a", "b"]);
  });

  test('splitList("") and splitList("  ") are empty', () => {
    expect(splitList("")).toEqual([]);
    expect(splitList("  ")).toEqual([]);
  });

  test('splitList("Tencent, Alibaba") keeps commas inside an item', () => {
    expect(splitList("Tencent, Alibaba;Meituan")).toEqual(["Tencent, Alibaba", "Meituan"]);
  });
});
