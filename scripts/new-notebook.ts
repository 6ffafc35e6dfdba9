/**
 * `npm run new -- <slug> "<title>" ["<中文标题>"]`: starts a notebook in both editions. Copies
 * src/notebooks/template.md to src/notebooks/<slug>.md and its Chinese twin src/zh/notebooks/template.md to
 * src/zh/notebooks/<slug>.md (every English page has a /zh/ twin), each with its title in the front matter and
 * heading, then prints the pages' addresses and what to do next. The Chinese title defaults to the English one
 * until someone translates it. The sidebars' Notebooks sections list every file in src/notebooks/ by its
 * front-matter title (the Chinese sidebar by its twin's), so there is nothing else to register.
 *
 * It refuses a slug that is not kebab-case (it becomes the URL) and never overwrites an existing file: when
 * either edition's file exists, neither is written.
 */
import {existsSync, readFileSync, unlinkSync, writeFileSync} from "node:fs";
import {dirname, join, relative} from "node:path";
import {fileURLToPath} from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
export const NOTEBOOKS_DIR = join(root, "src", "notebooks");
export const TEMPLATE_PATH = join(NOTEBOOKS_DIR, "template.md");
export const ZH_NOTEBOOKS_DIR = join(root, "src", "zh", "notebooks");
export const ZH_TEMPLATE_PATH = join(ZH_NOTEBOOKS_DIR, "template.md");

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
 * A first description for the notebook, which every page needs (scripts/framework/meta.ts): what it is, with
 * its title when that fits the limit and is in the edition's language. The author rewrites it to say what the
 * notebook finds.
 */
export function notebookDescription(title: string, lang: "en" | "zh" = "en"): string {
  if (lang === "zh") {
    const generic = "用 SQL 向六小虎图谱提出的一个问题：查询、图表，以及每一行数据背后的来源。";
    return /\p{Script=Han}/u.test(title) && [...title].length <= 30 ? `${title}：用 SQL 向六小虎图谱提出的问题，附图表与每一行数据的来源。` : generic;
  }
  const withTitle = `${title}: a question asked of the Six Tigers Atlas in SQL, with a chart and the sources behind every row.`;
  return [...withTitle].length <= 160 ? withTitle : "A question asked of the Six Tigers Atlas in SQL: the query, a chart and the sources behind every row.";
}

/**
 * The template with `title` in its front matter and as its first heading, and a description of its own in
 * place of the template's (in `lang`, the template's language). Pure, for tests: throws on a title
 * `validateTitle` refuses.
 */
export function scaffoldNotebook(templateText: string, title: string, lang: "en" | "zh" = "en"): string {
  const problem = validateTitle(title);
  if (problem) throw new Error(problem);
  const clean = title.trim();
  const text = templateText.replace(/\r\n/g, "\n");
  const front = /^---\n([\s\S]*?)\n---\n/.exec(text);
  const head = [`title: ${yamlTitle(clean)}`, `description: ${JSON.stringify(notebookDescription(clean, lang))}`];
  let body: string;
  let matter: string;
  if (front) {
    const lines = front[1].split("\n").filter((line) => !/^(title|description)\s*:/.test(line));
    matter = [...head, ...lines].join("\n");
    body = text.slice(front[0].length);
  } else {
    matter = head.join("\n");
    body = text;
  }
  // The replacement is a function so that "$&" or "$1" in a title stays literal.
  body = TEMPLATE_HEADING.test(body) ? body.replace(TEMPLATE_HEADING, () => `# ${clean}`) : `\n# ${clean}\n${body}`;
  return `---\n${matter}\n---\n${body}`;
}

export interface CreatedNotebook {
  path: string;
  route: string;
  /** The Chinese twin. */
  zhPath: string;
  zhRoute: string;
}

export interface NotebookOptions {
  /** The Chinese twin's title (default: the English title, to be translated). */
  zhTitle?: string;
  /** Where the English notebook goes and its template (defaults: src/notebooks/, its template.md). */
  dir?: string;
  templatePath?: string;
  /** Where the Chinese twin goes and its template (defaults: src/zh/notebooks/, its template.md). */
  zhDir?: string;
  zhTemplatePath?: string;
}

/**
 * Writes src/notebooks/<slug>.md and its twin src/zh/notebooks/<slug>.md; throws a readable Error, having
 * written nothing, when the slug or a title is refused or either file exists.
 */
export function createNotebook(slug: string, title: string, options: NotebookOptions = {}): CreatedNotebook {
  const {dir = NOTEBOOKS_DIR, templatePath = TEMPLATE_PATH, zhDir = ZH_NOTEBOOKS_DIR, zhTemplatePath = ZH_TEMPLATE_PATH} = options;
  const zhTitle = options.zhTitle ?? title;
  const slugProblem = validateSlug(slug);
  if (slugProblem) throw new Error(slugProblem);
  const titleProblem = validateTitle(title);
  if (titleProblem) throw new Error(titleProblem);
  const zhTitleProblem = validateTitle(zhTitle);
  if (zhTitleProblem) throw new Error(`the Chinese title: ${zhTitleProblem}`);
  const path = join(dir, `${slug}.md`);
  const zhPath = join(zhDir, `${slug}.md`);
  for (const file of [path, zhPath]) {
    if (existsSync(file)) throw new Error(`${relative(process.cwd(), file) || file} already exists; choose another slug or edit that file`);
  }
  const text = scaffoldNotebook(readFileSync(templatePath, "utf8"), title);
  const zhText = scaffoldNotebook(readFileSync(zhTemplatePath, "utf8"), zhTitle, "zh");
  // "wx": fail rather than overwrite if a file appeared in the meantime; then take back the first, so a
  // notebook never exists in one edition only.
  writeFileSync(path, text, {flag: "wx"});
  try {
    writeFileSync(zhPath, zhText, {flag: "wx"});
  } catch (error) {
    unlinkSync(path);
    throw error;
  }
  return {path, route: `/notebooks/${slug}`, zhPath, zhRoute: `/zh/notebooks/${slug}`};
}

const USAGE = 'usage: npm run new -- <slug> "<title>" ["<中文标题>"]   e.g. npm run new -- price-war "Who cut API prices first?" "谁先降了 API 价格？"';

function main(args: string[]): number {
  if (args.length < 2 || args.length > 3) {
    console.error(args.length < 2 ? `new-notebook: give a slug and a title.\n${USAGE}` : `new-notebook: too many arguments (quote the titles).\n${USAGE}`);
    return 2;
  }
  const [slug, title, zhTitle] = args;
  let created: CreatedNotebook;
  try {
    created = createNotebook(slug, title, {zhTitle});
  } catch (error) {
    console.error(`new-notebook: ${(error as Error).message}\n${USAGE}`);
    return 1;
  }
  const file = relative(process.cwd(), created.path) || created.path;
  const zhFile = relative(process.cwd(), created.zhPath) || created.zhPath;
  console.log(`Created ${file} ("${title.trim()}"), a copy of the template,
and its Chinese twin ${zhFile} ("${(zhTitle ?? title).trim()}"), a copy of the Chinese template.

Its pages: ${created.route} and ${created.zhRoute}  (http://127.0.0.1:3000${created.route} under npm run dev;
${created.route.slice(1)}.html and ${created.zhRoute.slice(1)}.html in dist/ after npm run build). The sidebars list
them under Notebooks / 笔记本.

Next:
  1. npm run dev and open the page (restart the dev server if it was running, so the sidebar lists it).
  2. Replace the template's SQL, chart and prose with your question's; compute every number you quote, and
     rewrite the description in the front matter to say what the page shows (search results and link
     previews show it; at most 160 characters).
  3. Do the same in the Chinese twin: the same cells, with Chinese prose and chart text (lang = "zh") and a
     Chinese description (at most 80 Han characters)${zhTitle ? "" : `,
     and a Chinese title in its front matter and heading (it has the English one for now)`}.
  4. If the question needs facts the tables lack, add them to data/ with their sources first
     (README, "Add a source row").
  5. npm test: types, unit tests, the offline build and the browser tests.`);
  return 0;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  process.exitCode = main(process.argv.slice(2));
}
