/**
 * The data dictionary in Chinese: every published table and column says what it means in Chinese beside the
 * English, and datapackage.json carries both (as custom `*_zh` properties, so the Frictionless shape stays).
 */
import {describe, expect, test} from "vitest";
import {BOUNDING_RULES} from "../../src/lib/amounts.js";
import {dataPackage} from "../../src/lib/datapackage.js";
import {EXAMPLE_QUERIES} from "../../src/lib/exampleQueries.js";
import {UNITS_ZH} from "../../src/lib/tables/common.js";
import {TABLES, TABLE_NAMES} from "../../src/lib/tables/index.js";

const HAN = /\p{Script=Han}/u;

/** Share of Han characters among letters. */
function cjkShare(text: string): number {
  const letters = text.match(/\p{L}/gu) ?? [];
  return letters.length ? (text.match(/\p{Script=Han}/gu) ?? []).length / letters.length : 0;
}

describe("the Chinese data dictionary", () => {
  test.each(TABLE_NAMES)("table %s has a Chinese title and description", (name) => {
    const table = TABLES[name];
    expect(table.title_zh, name).toMatch(HAN);
    expect(table.description_zh, name).toMatch(HAN);
    expect(cjkShare(table.description_zh), name).toBeGreaterThan(0.4);
  });

  test.each(TABLE_NAMES)("every column of %s has a Chinese description, and its unit a Chinese name", (name) => {
    for (const column of TABLES[name].columns) {
      const where = `${name}.${column.name}`;
      expect(column.description_zh, where).toMatch(HAN);
      expect(column.description_zh, where).not.toBe(column.description);
      // No English sentence left: the Latin words a description may keep are SQL names, values and model names.
      expect(column.description_zh, where).not.toMatch(/\b(the|of|when|blank|and|or|from|with)\b/);
      if (column.unit) expect(UNITS_ZH[column.unit], `${where}: unit ${column.unit}`).toMatch(HAN);
    }
  });

  test("Chinese descriptions, taken together, are mostly Chinese", () => {
    const all = TABLE_NAMES.flatMap((name) => TABLES[name].columns.map((c) => c.description_zh)).join("\n");
    expect(cjkShare(all)).toBeGreaterThan(0.5);
  });

  test("datapackage.json gives every resource and field its English and Chinese description; names stay SQL names", () => {
    const descriptor = dataPackage();
    expect(descriptor.title_zh).toBe("六小虎图谱");
    expect(descriptor.description_zh).toMatch(HAN);
    for (const resource of descriptor.resources) {
      const table = TABLES[resource.name.replace(/-parquet$/, "")];
      expect(resource).toMatchObject({title: table.title, title_zh: table.title_zh, description: table.description, description_zh: table.description_zh});
      expect(resource.schema.fields.map((f) => f.name)).toEqual(table.columns.map((c) => c.name));
      for (const field of resource.schema.fields) {
        expect(typeof field.description).toBe("string");
        expect(field.description_zh, `${resource.name}.${field.name}`).toMatch(HAN);
        if (field.unit) expect(field.unit_zh).toBe(UNITS_ZH[field.unit]);
      }
    }
    const models = descriptor.resources.find((r) => r.name === "models")!;
    expect(models.schema.fields.find((f) => f.name === "source_ids")).toMatchObject({
      type: "array",
      description: "ids of the sources (table sources) the row rests on (in CSV: items joined by \";\")",
      description_zh: "该行所依据的来源 id（见 sources 表）（CSV 中各项以“;”连接）"
    });
    expect(models.schema.fields.find((f) => f.name === "params_total_b")).toMatchObject({unit: "billions of parameters", unit_zh: "十亿参数"});
  });

  test("the standard properties keep their Frictionless types: strings, and names unchanged", () => {
    const descriptor = dataPackage();
    for (const resource of descriptor.resources) {
      expect(resource.name).toMatch(/^[a-z_]+(-parquet)?$/);
      for (const field of resource.schema.fields) {
        expect(field.name).toMatch(/^[a-z0-9_]+$/);
        expect(typeof field.description).toBe("string");
        expect(typeof field.description_zh).toBe("string");
      }
    }
  });

  test("the bounding rules and the example questions have their Chinese text", () => {
    for (const rule of BOUNDING_RULES) {
      expect(rule.pattern_zh, rule.id).toMatch(HAN);
      expect(rule.mid_zh, rule.id).toBeTruthy();
    }
    for (const example of EXAMPLE_QUERIES) {
      expect(example.title_zh, example.id).toMatch(HAN);
      expect(cjkShare(example.title_zh), example.id).toBeGreaterThan(0.6);
    }
  });
});
