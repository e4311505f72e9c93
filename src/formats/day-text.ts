// A day as the tools newsrooms use write it, read into ISO 8601 (YYYY-MM-DD), for the readers of
// ACLED exports and of spreadsheets. English month names only: a numeric 05/06/2016 is refused,
// as it reads two ways.

const months = new Map<string, number>()
;['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'].forEach((name, i) => {
  months.set(name, i + 1)
  months.set(name.slice(0, 3), i + 1)
})
months.set('sept', 9)

const isoDay = /^(\d{4})-(\d{1,2})-(\d{1,2})$/
const dayFirst = /^(\d{1,2})[ -]([A-Za-z]+)\.?,?[ -](\d{4})$/
const monthFirst = /^([A-Za-z]+)\.? (\d{1,2}),? (\d{4})$/
const pad = (n: number) => String(n).padStart(2, '0')
const daysIn = (year: number, month: number) =>
  month === 2 ? (year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28) : [4, 6, 9, 11].includes(month) ? 30 : 31

/**
 * A day as YYYY-MM-DD: "2016-09-19", "19 September 2016", "19-Sep-2016", "September 19, 2016";
 * undefined when the text names no day of the calendar (31 February, a month it does not know).
 */
export function dayOf(text: string): string | undefined {
  let year: number, month: number, day: number
  const iso = isoDay.exec(text)
  const first = iso ? null : dayFirst.exec(text)
  const second = iso || first ? null : monthFirst.exec(text)
  if (iso) [year, month, day] = [Number(iso[1]), Number(iso[2]), Number(iso[3])]
  else if (first) [year, month, day] = [Number(first[3]), months.get(first[2]!.toLowerCase()) ?? 0, Number(first[1])]
  else if (second) [year, month, day] = [Number(second[3]), months.get(second[1]!.toLowerCase()) ?? 0, Number(second[2])]
  else return undefined
  if (month < 1 || month > 12 || day < 1 || day > daysIn(year, month)) return undefined
  return `${String(year).padStart(4, '0')}-${pad(month)}-${pad(day)}`
}
