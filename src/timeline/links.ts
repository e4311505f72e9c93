/**
 * A source's address as a link target when it is http:, https: or mailto:; undefined for
 * anything else (javascript:, data:, a relative path), which is then shown as plain text. The
 * schema refuses such addresses already; this keeps the panel safe with data that skipped it.
 * @example safeHref('https://apnews.com/x') // 'https://apnews.com/x'
 */
export const safeHref = (url: string | undefined): string | undefined =>
  url !== undefined && /^(https?:\/\/|mailto:)\S+$/i.test(url.trim()) ? url.trim() : undefined
