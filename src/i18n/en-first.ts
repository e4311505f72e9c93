// English, the messages the first paint shows (the toolbar, filters, plot, legend, loading and
// errors, dates and the values the chips and marks name): they load with the element. The others,
// shown only after some input, are in en-later.ts and are fetched after the first paint (see
// messages.ts). en.ts puts both together; see it for what the messages are.

export const enFirst = {
  // Dates. The first three set the typography of ranges and month names; "" keeps the locale's own (Intl's).
  /** Short month names, January to December, separated by spaces: "Sep", where Intl's British English says "Sept". */
  monthsShort: 'Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec',
  /** A range whose ends differ in one field: "17–18 Sep 2016", "Sep–Oct 2016". */
  range: '{start}–{end}',
  /** A range whose ends differ in more: "30 Aug – 2 Sep 2016". */
  spacedRange: '{start} – {end}',
  /** Two dates Intl cannot write as one range (qualified, of different precisions, years). */
  span: '{start} – {end}',
  /** A span of years: a millennium. */
  years: '{start}–{end}',
  approximate: 'c. {date}',
  uncertain: '{date}?',
  /** One of two days: "17 or 18 Sep 2016" ({first} and {second} are what differs, the rest is shared). */
  eitherDay: '{first} or {second}',
  oneDayIn: 'one day in {range}',
  from: 'from {date}',
  until: 'until {date}',
  onOrBefore: 'on or before {date}',
  onOrAfter: 'on or after {date}',
  /** {year} is the decade's first year: "2010s". */
  decade: '{year}s',
  /** {year} is the century's first year, {century} its number (1900 → 20). */
  century: '{year}s',
  dateTime: '{date} {time} UTC',

  // Toolbar.
  searchPlaceholder: 'Search events',
  searchLabel: 'Search events and quotes',
  zoomIn: 'Zoom in',
  zoomInTitle: 'Zoom in (+)',
  zoomOut: 'Zoom out',
  zoomOutTitle: 'Zoom out (−)',
  fit: 'Fit',
  fitLabel: 'Fit all events',
  fitTitle: 'Fit (0)',
  list: 'List',
  legend: 'Legend',
  download: 'Download',
  /** {type} is SVG or PNG. */
  picture: 'Picture ({type})',
  'format.json': 'Event dataset (JSON)',
  'format.arrow': 'Apache Arrow IPC',
  'format.timelinejs': 'TimelineJS3 timeline (JSON)',
  'format.csv': 'CSV (spreadsheet)',
  'format.ical': 'iCalendar (calendar apps)',
  'format.jsonld': 'schema.org JSON-LD (for search engines)',
  'format.acled': 'ACLED export (CSV)',
  'format.timelinejs-sheet': 'TimelineJS Google Sheet (CSV)',

  // Filters and the count of events shown.
  shownCount: '{shown} of {total, plural, one {# event} other {# events}} shown',
  /** After the count: the window shown, in days. */
  shownWindow: ' · {window}',
  actor: 'Actor',
  allActors: 'All actors',
  actorOption: '{name} ({count})',
  'facet.category': 'category',
  'facet.status': 'status',
  'facet.certainty': 'certainty',
  /** What folds the actor list and the chips in a narrow element, when they keep to no value; then with {count}, how many they keep to. */
  filters: 'Filters',
  filtersChosen: '{count, plural, one {Filters (#)} other {Filters (#)}}',

  // The plot.
  plotLabel: '{count, plural, one {Timeline of # event.} other {Timeline of # events.}} Arrow keys move between events in time order, Home and End go to the first and last, Enter shows details, plus and minus zoom, Shift with the arrows or Page Up and Page Down pan.',
  laneCount: '{lane} · {count}',
  asOf: 'as of {date}',
  markName: '{date} — {title} — {status}',
  markNameDisputed: '{date} — {title} — {status} — attribution disputed',
  bucketEvents: '{count, plural, one {# event} other {# events}}',
  bucketLongEvents: '{count, plural, one {# longer event} other {# longer events}}',
  bucketZoom: '{range} · click to zoom in',
  bucketBeyond: '{range} and beyond',
  /** The date as the source phrased it, then as resolved. */
  saidAs: '“{said}” → {date}',
  /** Several events on one day drawn as one mark, which a click opens. */
  groupCount: '{count, plural, one {# event} other {# events}}',
  groupMark: '{count, plural, one {# event on {date}: show it} other {# events on {date}: show them}}',

  // The legend.
  'legend.day': 'a day',
  'legend.span': 'a span of time',
  'legend.one-of': 'one unknown day in the span',
  'legend.approximate': 'approximate date',
  'legend.uncertain': 'uncertain date',
  'legend.planned': 'planned or postponed',
  'legend.cancelled': 'cancelled',
  'legend.disputed': 'attribution disputed',
  'legend.density': 'many events: darker is more',
  'legend.as-of': 'the source’s date (“as of”)',
  'legend.key': 'a key event',
  'legend.context': 'background',
  'legend.group': 'several events on one day (click to show them)',

  // Loading and problems.
  loading: 'Loading timeline…',
  loadingRead: 'Loading timeline… {received} read.',
  loadingReadOf: 'Loading timeline… {received} of {total} read.',
  loadingPreparing: 'Loading timeline… Preparing {size}…',
  stalled: 'Nothing has arrived from {url} for {seconds} s.',
  retry: 'Retry',
  keptPrevious: 'Showing the last valid version.',
  problemAt: 'line {line}, column {column}: {message}',
  moreProblems: '…and {count} more.',
  /** The title of an alert: {url} is the address the data was asked from. */
  loadFailed: 'Could not load {url}',
  /** {origin} is the data's address or file name. */
  readFailed: 'Could not read {origin}',
  checkFailed: 'Could not check the timeline data in {origin}',
  checkFailedProperty: 'Could not check the timeline data in the data property',
  dataProblems: 'The timeline data in {origin} has {count, plural, one {a problem} other {# problems}}',
  dataPropertyProblems: 'The timeline data in the data property has {count, plural, one {a problem} other {# problems}}',
  /** {format} is a format's name, as 'format.csv' says it. */
  importProblems: 'The {format} file {origin} has {count, plural, one {a problem} other {# problems}}',
  /** Why a load failed, under its title. {error} is the browser's own words. */
  noAnswer: 'no answer could be read ({error}); is the address right, the server up, and does it let this page read the file (CORS)?',
  workerFailed: 'the worker reading it failed ({error})',
  workerSentNothing: 'the worker found the data valid but sent nothing to draw',
  validatorFailed: 'the validator did not load ({error})',
  /** {status} is the HTTP status and its text ("404 Not Found"). */
  serverAnswered: 'the server answered {status}',
  serverSentPage: 'the server sent a web page instead of JSON; is the path right?',

  // The values of the data's fields.
  'category.diplomacy': 'diplomacy',
  'category.military': 'military',
  'category.humanitarian': 'humanitarian',
  'category.political': 'political',
  'category.legal': 'legal',
  'category.economic': 'economic',
  'status.occurred': 'occurred',
  'status.ongoing': 'ongoing',
  'status.planned': 'planned',
  'status.postponed': 'postponed',
  'status.cancelled': 'cancelled',
  'certainty.confirmed': 'confirmed',
  'certainty.reported': 'reported',
  'certainty.claimed': 'claimed',
  'certainty.disputed': 'disputed',
  'certainty.denied': 'denied',
  /** A relation drawn on the plot, as the verb on its arrow. */
  'verb.accuses': 'accuses',
  'verb.denies': 'denies',
  'verb.confirms': 'confirms',
  'verb.responds-to': 'responds to',
  'verb.follows-up': 'follows up',
  'verb.follows-from': 'follows from',
  'verb.part-of': 'part of',
}
