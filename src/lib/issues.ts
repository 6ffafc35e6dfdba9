/**
 * The shape of a problem found in a source file, shared by the CSV parser and the row validators, so every
 * loader reports problems the same way: `file:line:column: message`, which editors and CI logs turn into links.
 */

export type Issue = {
  /** Path of the file as the analyst knows it, e.g. `data/funding_rounds.csv`. */
  file: string;
  /** 1-based physical line. */
  line: number;
  /** 1-based column, counted in Unicode code points so CJK text lines up with what an editor shows. */
  column: number;
  message: string;
};

export function formatIssue(issue: Issue): string {
  return `${issue.file}:${issue.line}:${issue.column}: ${issue.message}`;
}

/** Lists issues one per line, in file order, so a long report reads top to bottom like the file. */
export function formatIssues(issues: readonly Issue[]): string {
  return sortIssues(issues).map(formatIssue).join("\n");
}

export function sortIssues(issues: readonly Issue[]): Issue[] {
  return [...issues].sort(
    (a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) || a.line - b.line || a.column - b.column
  );
}
