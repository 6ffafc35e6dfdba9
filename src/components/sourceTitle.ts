/**
 * The language a source's title is written in, for the `lang` of the element that shows it. Usually the
 * source's own (`sources.language`), but two kinds of title are English whatever the source's language: the
 * descriptions the atlas wrote where no headline was kept ("(interview with Liu Zhiyuan; byline …)"), and the
 * English headlines of Chinese pages ("GLM-4 series model documentation"). Script tells them apart.
 */
const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;

export function sourceTitleLang(source: {title?: unknown; language?: unknown}): string {
  const title = String(source.title ?? "");
  const language = String(source.language ?? "");
  if (title.startsWith("(")) return "en";
  if (["zh", "ja", "ko"].includes(language) && !CJK.test(title)) return "en";
  return language;
}
