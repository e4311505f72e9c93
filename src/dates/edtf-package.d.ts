// The parts of the `edtf` package's API this project uses; the package ships no types.
declare module 'edtf' {
  export interface ParsedDate {
    type: 'Date' | 'Year' | 'Season' | 'Decade' | 'Century'
    values: number[]
    level: number
    approximate?: boolean | number
    uncertain?: boolean | number
    unspecified?: number
  }
  export interface ParsedInterval {
    type: 'Interval'
    values: [ParsedDate | number | null, ParsedDate | number | null]
    level: number
  }
  export interface ParsedSet {
    type: 'Set' | 'List'
    values: Array<ParsedDate | [ParsedDate, ParsedDate]>
    level: number
    earlier?: boolean
    later?: boolean
  }
  export type Parsed = ParsedDate | ParsedInterval | ParsedSet
  export interface ExtendedDate {
    type: string
    min: number
    max: number
    precision?: number
  }
  export function parse(input: string, options?: { level?: number }): Parsed
  export default function edtf(input: string | Parsed, options?: { level?: number }): ExtendedDate
}
