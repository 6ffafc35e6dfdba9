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
