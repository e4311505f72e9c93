// A CSV file read a batch of whole records at a time, for files too large to hold as one text:
// the text is cut only where a record ends (a line feed outside quotes), and each batch says on
// which line it starts, so that problems keep their place in the file (CsvTable counts the
// records: see its `continued`).

/** Some whole records of a CSV text; `line` is where the first one starts in the file. */
export interface CsvBatch {
  text: string
  line: number
}

/**
 * The text of `chunks` cut into batches of whole records, each at least `size` characters long
 * (but the last). A file whose records end in a lone CR (never a line feed) comes as one batch.
 * A quote left open at the end of the file ends the last batch as it is, for the reader to take
 * as the rest of its cell, as d3-dsv does.
 */
export async function* csvBatches(chunks: AsyncIterable<string>, size = 1 << 20): AsyncGenerator<CsvBatch> {
  let pending = ''
  let quoted = false
  // Where the scan of `pending` stopped, and the end of the last whole record found in it.
  let scanned = 0
  let cut = 0
  let line = 1
  const take = (end: number): CsvBatch => {
    const batch = { text: pending.slice(0, end), line }
    // Lines as the rest of the project counts them (see LineIndex): by line feed.
    for (let i = batch.text.indexOf('\n'); i !== -1; i = batch.text.indexOf('\n', i + 1)) line++
    pending = pending.slice(end)
    scanned -= end
    cut = 0
    return batch
  }
  for await (const chunk of chunks) {
    pending += chunk
    // From quote to quote: outside quotes, the last line feed before the next quote ends a record.
    while (scanned < pending.length) {
      const quote = pending.indexOf('"', scanned)
      const end = quote === -1 ? pending.length : quote
      if (!quoted) {
        const feed = pending.lastIndexOf('\n', end - 1)
        if (feed >= scanned) cut = feed + 1
      }
      if (quote === -1) {
        scanned = pending.length
        break
      }
      quoted = !quoted
      scanned = quote + 1
    }
    if (cut >= size) yield take(cut)
  }
  if (pending.length > 0) yield take(pending.length)
}
