import {describe, expect, test} from "vitest";
import {formatIssue, formatIssues, sortIssues, type Issue} from "../../src/lib/issues.js";

const a: Issue = {file: "data/a.csv", line: 3, column: 7, message: "bad"};
const b: Issue = {file: "data/a.csv", line: 2, column: 9, message: "worse"};
const c: Issue = {file: "data/a.csv", line: 2, column: 1, message: "first"};

describe("issues", () => {
  test("formatIssue(issue) is file:line:column: message", () => {
    expect(formatIssue(a)).toBe("data/a.csv:3:7: bad");
  });

  test("sortIssues(issues) orders by file, line, column without mutating", () => {
    const input = [a, b, c];
    expect(sortIssues(input)).toEqual([c, b, a]);
    expect(input).toEqual([a, b, c]);
  });

  test("formatIssues(issues) puts one issue per line in file order", () => {
    expect(formatIssues([a, c])).toBe("data/a.csv:2:1: first\ndata/a.csv:3:7: bad");
  });
});
