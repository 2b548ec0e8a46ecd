// The parts of citation-js that Gloss uses (the packages ship no type declarations).
declare module '@citation-js/name' {
  export interface CslName {
    family?: string
    given?: string
    suffix?: string
    literal?: string
    'non-dropping-particle'?: string
    'dropping-particle'?: string
  }
  export function parse(name: string): CslName
}

declare module '@citation-js/date' {
  export type CslDate = { 'date-parts': number[][] } | { raw: string }
  export function parse(value: string): CslDate
}

declare module '@citation-js/core' {
  interface Register {
    add(name: string, xml: string): void
    has(name: string): boolean
    get(name: string): string
  }
  export class Cite {
    constructor(data: unknown, options?: Record<string, unknown>)
    format(format: 'bibliography', options: Record<string, unknown>): string | [string, string][]
    format(format: string, options?: Record<string, unknown>): unknown
  }
  export const plugins: {
    config: { get(name: '@csl'): { templates: Register; locales: Register } }
  }
}

declare module '@citation-js/plugin-csl' {}
