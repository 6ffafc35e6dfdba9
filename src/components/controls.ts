/**
 * Small form controls with Framework's `view()` contract (a `value` property and `input` events), built from
 * plain labelled inputs so they are accessible and need no library. Labels come from data as text only.
 */
import {bilingual, documentLang, type Lang} from "./i18n.js";
import type {Control} from "./urlState.js";

/** The controls' own words; every other label is the caller's, in the caller's language. */
const TEXT = bilingual({
  en: {from: "From", to: "To"},
  zh: {from: "从", to: "至"}
});

function form(doc: Document, label: string, className: string): {root: HTMLFormElement; fieldset: HTMLFieldSetElement} {
  const root = doc.createElement("form");
  root.className = `atlas-control ${className}`;
  root.addEventListener("submit", (event) => event.preventDefault());
  const fieldset = doc.createElement("fieldset");
  const legend = doc.createElement("legend");
  legend.textContent = label;
  fieldset.append(legend);
  root.append(fieldset);
  return {root, fieldset};
}

export interface Choice {
  value: string;
  label: string;
}

/** Radio buttons; value is the chosen string. */
export function radioGroup(choices: Choice[], {label, value, name, document: doc = globalThis.document}: {label: string; value: string; name: string; document?: Document}): Control<string> {
  const {root, fieldset} = form(doc, label, "atlas-radio");
  for (const choice of choices) {
    const wrapper = doc.createElement("label");
    const input = doc.createElement("input");
    input.type = "radio";
    input.name = name;
    input.value = choice.value;
    input.checked = choice.value === value;
    wrapper.append(input, ` ${choice.label}`);
    fieldset.append(wrapper);
  }
  Object.defineProperty(root, "value", {
    get: () => (root.querySelector("input:checked") as HTMLInputElement | null)?.value ?? value,
    set: (v: string) => {
      for (const input of root.querySelectorAll("input")) input.checked = input.value === v;
    }
  });
  return root as unknown as Control<string>;
}

/** Checkboxes; value is the checked values in the order given. */
export function checkboxGroup(choices: Choice[], {label, value, name, document: doc = globalThis.document}: {label: string; value: string[]; name: string; document?: Document}): Control<string[]> {
  const {root, fieldset} = form(doc, label, "atlas-checkbox");
  for (const choice of choices) {
    const wrapper = doc.createElement("label");
    const input = doc.createElement("input");
    input.type = "checkbox";
    input.name = name;
    input.value = choice.value;
    input.checked = value.includes(choice.value);
    wrapper.append(input, ` ${choice.label}`);
    fieldset.append(wrapper);
  }
  Object.defineProperty(root, "value", {
    get: () => Array.from(root.querySelectorAll("input:checked"), (i) => (i as HTMLInputElement).value),
    set: (v: string[]) => {
      for (const input of root.querySelectorAll("input")) input.checked = v.includes(input.value);
    }
  });
  return root as unknown as Control<string[]>;
}

/** Two date inputs; value is [start, end] as ISO dates. `lang` is the page's (by default its <html lang>). */
export function dateRange({label, value, min, max, document: doc = globalThis.document, lang = documentLang(doc)}: {label: string; value: [string, string]; min: string; max: string; document?: Document; lang?: Lang}): Control<[string, string]> {
  const {root, fieldset} = form(doc, label, "atlas-daterange");
  const t = TEXT(lang);
  // The inputs' names ("from", "to") are the form's, not the reader's: they stay the same in every language.
  const inputs = (["from", "to"] as const).map((name, i) => {
    const text = t[name];
    const wrapper = doc.createElement("label");
    const input = doc.createElement("input");
    input.type = "date";
    input.min = min;
    input.max = max;
    input.value = value[i];
    input.name = name;
    wrapper.append(`${text} `, input);
    fieldset.append(wrapper);
    return input;
  });
  Object.defineProperty(root, "value", {
    get: (): [string, string] => {
      const [a, b] = inputs.map((i) => i.value || (i === inputs[0] ? min : max));
      return a <= b ? [a, b] : [b, a];
    },
    set: (v: [string, string]) => {
      inputs[0].value = v[0];
      inputs[1].value = v[1];
    }
  });
  return root as unknown as Control<[string, string]>;
}

/**
 * Several controls shown together as one: its value is an object with each control's value by key, and it
 * passes on their `input` events (they bubble), so a page needs a single `view()` for its whole filter bar.
 */
export function controlBar<T extends Record<string, unknown>>(controls: {[K in keyof T]: Control<T[K]>}, {document: doc = globalThis.document}: {document?: Document} = {}): Control<T> {
  const root = doc.createElement("div");
  root.className = "atlas-controls";
  root.append(...Object.values(controls as Record<string, Control>));
  Object.defineProperty(root, "value", {
    get: () => Object.fromEntries(Object.entries(controls as Record<string, Control>).map(([key, control]) => [key, control.value])) as T
  });
  return root as unknown as Control<T>;
}
