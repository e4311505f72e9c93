// English, the messages shown only after some input (the details of a selected event, the list
// view, downloads): fetched after the first paint, while en-first.ts's load with the element (see
// messages.ts). en.ts puts both together; see it for what the messages are.

export const enLater = {
  // The details of the selected event.
  details: 'Event details',
  close: 'Close',
  closeLabel: 'Close the details',
  date: 'Date',
  status: 'Status',
  certainty: 'Certainty',
  actors: 'Actors',
  where: 'Where',
  killed: 'Killed',
  /** Between the items of a list that has no "and": the notes on a date, the actors. */
  comma: ', ',
  /** The notes on a date, after it: "(day precision, approximate)". */
  dateNotes: '({notes})',
  'precision.millennium': 'millennium precision',
  'precision.century': 'century precision',
  'precision.decade': 'decade precision',
  'precision.year': 'year precision',
  'precision.season': 'season precision',
  'precision.month': 'month precision',
  'precision.day': 'day precision',
  'precision.time': 'time precision',
  noteOneOf: 'one day in the range',
  noteApproximate: 'approximate',
  noteUncertain: 'uncertain',
  participant: '{name} ({role})',
  participantAttributed: '{name} ({role}, {attribution})',
  /** {count} is written in the locale already. */
  fatalities: '{count}',
  fatalitiesAbout: 'about {count}',
  /** {fatalities} is one of the two above; {group} who they were. */
  fatalitiesGroup: '{fatalities} ({group})',
  quote: '“{quote}”',
  /** {published} is the source's date as YYYY-MM-DD. */
  citation: '— {source}, {publisher}, {published}',
  citationNoPublisher: '— {source}, {published}',
  related: 'Related events',

  // Lists of events.
  listCaption: 'Events in time order',
  event: 'Event',
  certaintyDisputed: '{certainty}, attribution disputed',
  listPage: 'Events {first}–{last} of {total}.',
  earlier: 'Earlier',
  later: 'Later',

  // Downloads and the exported picture.
  pictureSubtitle: '{range} · {count, plural, one {# event} other {# events}} in view',
  pictureSource: '{publisher}, “{headline}” ({published})',
  pictureSourceNoPublisher: '“{headline}” ({published})',
  /** Between the sources named under a picture. */
  sourceSeparator: '; ',
  pictureSources: 'Sources: {sources}. Drawn with diplomatic-timeline.',
  pictureNoSources: 'Drawn with diplomatic-timeline.',
  noPicture: 'no timeline is drawn to make a picture of: load data, and leave the list view',
  noPng: 'the browser could not make a PNG',
  cannotWrite: 'cannot write {format} files',
  notValid: 'the data has problems, or is still being checked: it can be downloaded once it is valid',

  // The values of the data's fields that only the details name.
  'role.participant': 'participant',
  'role.perpetrator': 'perpetrator',
  'role.target': 'target',
  'role.victim': 'victim',
  'role.speaker': 'speaker',
  'role.addressee': 'addressee',
  'role.signatory': 'signatory',
  'role.mediator': 'mediator',
  'role.host': 'host',
  'attribution.confirmed': 'confirmed',
  'attribution.acknowledged': 'acknowledged',
  'attribution.claimed': 'claimed',
  'attribution.alleged': 'alleged',
  'group.civilians': 'civilians',
  'group.military': 'military',
  'group.armed-group': 'armed group',
  'group.mixed': 'mixed',
  'group.unknown': 'unknown',
  /** How a relation reads from its "from" event: {event} is the other event, a link. */
  'relation.accuses': 'accuses {event}',
  'relation.denies': 'denies {event}',
  'relation.confirms': 'confirms {event}',
  'relation.responds-to': 'responds to {event}',
  'relation.follows-up': 'follows up {event}',
  'relation.follows-from': 'follows from {event}',
  'relation.part-of': 'part of {event}',
  /** How a relation reads from its "to" event. */
  'relatedBy.accuses': 'accused by {event}',
  'relatedBy.denies': 'denied by {event}',
  'relatedBy.confirms': 'confirmed by {event}',
  'relatedBy.responds-to': 'answered by {event}',
  'relatedBy.follows-up': 'followed up by {event}',
  'relatedBy.follows-from': 'led to {event}',
  'relatedBy.part-of': 'includes {event}',
}
