export type { Catalogue, MessageKey } from './en.ts'
export { fallbackChain, hasLanguage, languageFor, loadLanguage, messagesFor, useCatalogue, type Language, type Messages, type Strings } from './messages.ts'
export { MessageSyntaxError, parseMessage, type MessageValues } from './message-format.ts'
