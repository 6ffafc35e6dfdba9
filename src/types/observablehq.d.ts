// Types for the Framework modules pages and components import; Framework provides them at build time.
declare module "observablehq:stdlib" {
  export interface FileAttachmentHandle {
    name: string;
    href: string;
    mimeType: string;
    url(): Promise<string>;
    arrayBuffer(): Promise<ArrayBuffer>;
    text(): Promise<string>;
    json(): Promise<unknown>;
  }
  export function FileAttachment(name: string): FileAttachmentHandle;
}

/** @observablehq/inputs ships no types; the notebooks use its controls as Framework documents them. */
declare module "@observablehq/inputs" {
  const inputs: Record<string, (...args: never[]) => HTMLElement>;
  export = inputs;
}
