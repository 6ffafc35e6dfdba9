/**
 * `npm run new -- <slug> "<title>"`: starts a notebook. Copies src/notebooks/template.md to
 * src/notebooks/<slug>.md with the title in its front matter and heading, then prints the page's address and
 * what to do next. The sidebar's Notebooks section lists every file in src/notebooks/ by its front-matter
 * title, so there is nothing else to register.
 *
 * It refuses a slug that is not kebab-case (it becomes the URL) and never overwrites an existing file.
 */
import {existsSync, readFileSync, writeFileSync} from "node:fs";
import {dirname, join, relative} from "node:path";
import {fileURLToPath} from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
export const NOTEBOOKS_DIR = join(root, "src", "notebooks");
export const TEMPLATE_PATH = join(NOTEBOOKS_DIR, "template.md");

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const MAX_SLUG = 80;
const TEMPLATE_HEADING = /^# .*$/m;

/** Why a slug cannot be used, or null when it can: lower-case words of a–z and 0–9 joined by single hyphens. */
export function validateSlug(slug: string): string | null {
  if (!slug) return "the slug is missing";
  if (slug.length > MAX_SLUG) return `the slug is ${slug.length} characters long; keep it to ${MAX_SLUG}`;
  if (!SLUG.test(slug)) {
    const hint = slug
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-+|-+$/g, "");
    return `"${slug}" is not kebab-case: use lower-case letters and digits joined by single hyphens${hint && SLUG.test(hint) ? ` (e.g. "${hint}")` : ""}`;
  }
  if (slug === "template") return `"template" is the template itself; choose another slug`;
  return null;
}

/** Why a title cannot be used, or null when it can. */
export function validateTitle(title: string): string | null {
  if (!title.trim()) return "the title is missing";
  if (/[\r\n]/.test(title)) return "the title must be one line";
  // Framework reads ${…} in Markdown as a JavaScript expression.
  if (title.includes("${")) return 'the title cannot contain "${"';
  if (title.includes('"') && (title.includes("'") || title.includes("\\"))) return "the title cannot mix double quotes with single quotes or backslashes";
  return null;
}

/** The title as a YAML scalar the sidebar reads back verbatim (it strips one pair of surrounding quotes). */
function yamlTitle(title: string): string {
  // Double quotes need no escaping unless the title holds a double quote or a backslash; then single quotes do.
  return title.includes('"') || title.includes("\\") ? `'${title}'` : `"${title}"`;
}

/**
 * The template with `title` in its front matter and as its first heading. Pure, for tests: throws on a
 * title `validateTitle` refuses.
 */
export function scaffoldNotebook(templateText: string, title: string): string {
  const problem = validateTitle(title);
  if (problem) throw new Error(problem);
  const clean = title.trim();
  const text = templateText.replace(/\r\n/g, "\n");
  const front = /^---\n([\s\S]*?)\n---\n/.exec(text);
  let body: string;
  let matter: string;
  if (front) {
    const lines = front[1].split("\n").filter((line) => !/^title\s*:/.test(line));
    matter = [`title: ${yamlTitle(clean)}`, ...lines].join("\n");
    body = text.slice(front[0].length);
  } else {
    matter = `title: ${yamlTitle(clean)}`;
    body = text;
  }
  // The replacement is a function so that "$&" or "$1" in a title stays literal.
  body = TEMPLATE_HEADING.test(body) ? body.replace(TEMPLATE_HEADING, () => `# ${clean}`) : `\n# ${clean}\n${body}`;
  return `---\n${matter}\n---\n${body}`;
}

export interface CreatedNotebook {
  path: string;
  route: string;
}

/** Writes src/notebooks/<slug>.md; throws a readable Error when the slug or title is refused or the file exists. */
export function createNotebook(slug: string, title: string, dir = NOTEBOOKS_DIR, templatePath = TEMPLATE_PATH): CreatedNotebook {
  const slugProblem = validateSlug(slug);
  if (slugProblem) throw new Error(slugProblem);
  const titleProblem = validateTitle(title);
  if (titleProblem) throw new Error(titleProblem);
  const path = join(dir, `${slug}.md`);
  if (existsSync(path)) throw new Error(`${relative(process.cwd(), path) || path} already exists; choose another slug or edit that file`);
  const text = scaffoldNotebook(readFileSync(templatePath, "utf8"), title);
  // "wx": fail rather than overwrite if the file appeared in the meantime.
  writeFileSync(path, text, {flag: "wx"});
  return {path, route: `/notebooks/${slug}`};
}

const USAGE = 'usage: npm run new -- <slug> "<title>"   e.g. npm run new -- price-war "Who cut API prices first?"';

function main(args: string[]): number {
  if (args.length !== 2) {
    console.error(args.length < 2 ? `new-notebook: give a slug and a title.\n${USAGE}` : `new-notebook: too many arguments (quote the title).\n${USAGE}`);
    return 2;
  }
  const [slug, title] = args;
  let created: CreatedNotebook;
  try {
    created = createNotebook(slug, title);
  } catch (error) {
    console.error(`new-notebook: ${(error as Error).message}\n${USAGE}`);
    return 1;
  }
  const file = relative(process.cwd(), created.path) || created.path;
  console.log(`Created ${file} ("${title.trim()}"), a copy of the template.

Its page: ${created.route}  (http://127.0.0.1:3000${created.route} under npm run dev;
${created.route.slice(1)}.html in dist/ after npm run build). The sidebar lists it under Notebooks.

Next:
  1. npm run dev and open the page (restart the dev server if it was running, so the sidebar lists it).
  2. Replace the template's SQL, chart and prose with your question's; compute every number you quote.
  3. If the question needs facts the tables lack, add them to data/ with their sources first
     (README, "Add a source row").
  4. npm test: types, unit tests, the offline build and the browser tests.`);
  return 0;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  process.exitCode = main(process.argv.slice(2));
}
