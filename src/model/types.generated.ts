// Generated from data/event-dataset.schema.json by `npm run generate`. Do not edit.
/** A dataset of diplomatic and conflict events for <diplomatic-timeline>: sources, actors, dated events with evidence, and relations between events. Every object also accepts custom fields whose names start with "x-"; they are kept unchanged on load and save. */
export interface EventDataset {
  /** Path or URL of this JSON Schema, so that editors such as VS Code validate and autocomplete the file. */
  $schema?: string
  /** Version of this data format. */
  schemaVersion: '1.0'
  /** Identifier of the dataset. */
  id: Id
  /** Title shown above the timeline. */
  title: Text
  /** What the dataset covers and how it was built. */
  description?: Text
  /** Language of the dataset's text as a BCP 47 tag, such as "en" or "fr-CA". */
  language?: string
  /** The documents the events are taken from; evidence quotes and date anchors refer to them by id. */
  sources: Array<Source>
  /** States, organisations, groups and people taking part in events. */
  actors: Array<Actor>
  /** What happened, was said, or is planned. */
  events: Array<Event>
  /** Typed links between events, such as a statement that accuses or denies, or a meeting that follows up another. */
  relations?: Array<Relation>
  /** A custom field, kept unchanged on load and save. */
  [custom: `x-${string}`]: unknown
}

/** An identifier: lowercase letters, digits and hyphens, starting with a letter or digit, such as "convoy-attack". */
export type Id = string

/** Plain text; never interpreted as HTML. */
export type Text = string

/** A calendar date as YYYY-MM-DD. */
export type CalendarDate = string

/** An http, https or mailto address. */
export type Url = string

/** An ISO 3166-1 alpha-3 country code, such as "SYR". */
export type CountryCode = string

/** A document that events are taken from. */
export interface Source {
  /** Identifier that evidence and date anchors use to cite this source. */
  id: Id
  /** What kind of document this is (schema.org types). */
  type: 'NewsArticle' | 'Report' | 'Statement' | 'Transcript' | 'Dataset' | 'WebPage'
  /** The document's headline or title. */
  headline: Text
  /** Who published it, such as "AP via Yahoo News". */
  publisher?: Text
  /** Who wrote it, if named. */
  author?: Text
  /** The day it was published (YYYY-MM-DD). Relative dates such as "Monday" in events are read from this day. */
  datePublished: CalendarDate
  /** Where to read it. */
  url?: Url
  /** Language of the document as a BCP 47 tag. */
  language?: string
  /** A custom field, kept unchanged on load and save. */
  [custom: `x-${string}`]: unknown
}

/** A state, organisation, group or person that takes part in events. */
export interface Actor {
  /** Identifier that participants and partOf refer to. */
  id: Id
  /** Name as shown, such as "United States" or "John Kerry". */
  name: Text
  /** A short label for narrow lanes, such as "US". */
  shortName?: Text
  /** What kind of actor this is. */
  kind: 'state' | 'government' | 'military' | 'armed-group' | 'international-organization' | 'organization' | 'coalition' | 'person'
  /** Office or role at the time of the events, such as "US Secretary of State". */
  role?: Text
  /** Id of the actor this one belongs to or speaks for, such as a minister's state. */
  partOf?: Id
  /** The actor's country, if it has one. */
  country?: CountryCode
  /** A custom field, kept unchanged on load and save. */
  [custom: `x-${string}`]: unknown
}

/** When the event happened or is planned, as an EDTF date, with the source's own words. */
export interface EventDate {
  /** An Extended Date/Time Format (ISO 8601-2) date: "2016-09-19" (a day), "2016-09" (a month), "2011" (a year), "2016-09-17/2016-09-18" (lasted the span), "[2016-09-17..2016-09-18]" (one unknown day in the span), "2016-09-13~" (approximate), "2016-09-20?" (uncertain), "2016-09-XX" (unspecified day). */
  edtf: string
  /** The date as the source phrases it, such as "over the weekend" or "Monday". */
  text?: Text
  /** Id of the source whose publication date a relative phrase is read from. */
  anchor?: Id
  /** A custom field, kept unchanged on load and save. */
  [custom: `x-${string}`]: unknown
}

/** An actor's part in an event. */
export interface Participant {
  /** Id of the actor. */
  actor: Id
  /** What the actor did in the event. */
  role: 'participant' | 'perpetrator' | 'target' | 'victim' | 'speaker' | 'addressee' | 'signatory' | 'mediator' | 'host'
  /** How sure it is that this actor played this role. Omit when it is not in question. */
  attribution?: 'confirmed' | 'acknowledged' | 'claimed' | 'alleged'
  /** A note on this actor's part. */
  note?: Text
  /** A custom field, kept unchanged on load and save. */
  [custom: `x-${string}`]: unknown
}

/** Where the event took place, as precisely as the source says. */
export interface Location {
  /** The place as named, such as "Palace Hotel, New York". */
  name: Text
  /** The country the place is in. */
  country?: CountryCode
  /** Latitude in decimal degrees (WGS 84). */
  latitude?: number
  /** Longitude in decimal degrees (WGS 84). */
  longitude?: number
  /** A custom field, kept unchanged on load and save. */
  [custom: `x-${string}`]: unknown
}

/** Deaths in the event. As in ACLED, "best" is the lowest figure reported when sources differ. */
export interface Fatalities {
  /** The figure used: the lowest stated when reports differ. */
  best: number
  /** Lowest reported figure, when a range is reported. */
  low?: number
  /** Highest reported figure, when a range is reported. */
  high?: number
  /** True when the source gives the figure as approximate ("some 20", "about"). */
  approximate?: boolean
  /** Who was killed. */
  group?: 'civilians' | 'military' | 'armed-group' | 'mixed' | 'unknown'
  /** A custom field, kept unchanged on load and save. */
  [custom: `x-${string}`]: unknown
}

/** Event codes in standard ontologies. */
export interface Codes {
  /** CAMEO event code: two to four digits, such as "195" (employ aerial weapons) or "036" (express intent to meet). */
  cameo?: string
  /** PLOVER event type. */
  plover?: 'AGREE' | 'CONSULT' | 'SUPPORT' | 'CONCEDE' | 'COOPERATE' | 'AID' | 'RETREAT' | 'REQUEST' | 'ACCUSE' | 'REJECT' | 'THREATEN' | 'PROTEST' | 'SANCTION' | 'MOBILIZE' | 'COERCE' | 'ASSAULT'
  /** A custom field, kept unchanged on load and save. */
  [custom: `x-${string}`]: unknown
}

/** A quotation from a source that supports the event. */
export interface Evidence {
  /** Id of the source quoted. */
  source: Id
  /** The exact words from the source (a W3C Web Annotation TextQuoteSelector's "exact"). */
  quote: Text
  /** Why this quote supports the event. */
  note?: Text
  /** A custom field, kept unchanged on load and save. */
  [custom: `x-${string}`]: unknown
}

/** Something that happened, was said, or is planned. */
export interface Event {
  /** Identifier, unique among events; relations and deep links (#event=id) use it. */
  id: Id
  /** A short headline, such as "UN aid convoy attacked". */
  title: Text
  /** What happened, in a sentence or two. */
  summary?: Text
  /** What sort of event this is. */
  kind: 'occurrence' | 'statement' | 'meeting' | 'agreement' | 'period'
  /** The field the event belongs to; lanes and filters group by it. */
  category: 'diplomacy' | 'military' | 'humanitarian' | 'political' | 'legal' | 'economic'
  /** Whether the event has happened, as of its source's date. */
  status: 'occurred' | 'ongoing' | 'planned' | 'postponed' | 'cancelled'
  /** How sure it is that the event happened as described. */
  certainty: 'confirmed' | 'reported' | 'claimed' | 'disputed' | 'denied'
  /** When it happened or is planned. */
  date: EventDate
  /** The actors involved and their roles. */
  participants?: Array<Participant>
  /** Where it happened. */
  location?: Location
  /** Deaths caused, where the source gives a figure. */
  fatalities?: Fatalities
  /** CAMEO and PLOVER codes. */
  codes?: Codes
  /** Quotes from sources that support the event. */
  evidence?: Array<Evidence>
  /** Free keywords for search. */
  tags?: Array<Text>
  /** How prominently the timeline draws the event. Without it, the timeline decides: periods, events longer than a week and events over a week before the source's date are background; the rest are what the source reports. */
  emphasis?: 'key' | 'context'
  /** A custom field, kept unchanged on load and save. */
  [custom: `x-${string}`]: unknown
}

/** A typed link from one event to another. */
export interface Relation {
  /** How the "from" event relates to the "to" event. */
  type: 'accuses' | 'denies' | 'confirms' | 'responds-to' | 'follows-up' | 'follows-from' | 'part-of'
  /** Id of the event the relation starts from. */
  from: Id
  /** Id of the event the relation points to. */
  to: Id
  /** A note on the relation. */
  note?: Text
  /** A custom field, kept unchanged on load and save. */
  [custom: `x-${string}`]: unknown
}
