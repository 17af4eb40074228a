/**
 * The renderer's Content Security Policy, sent as a header by the `app://` protocol and repeated in
 * index.html's meta tag. Scripts only from the app itself; no eval, no remote code, no framing, no
 * plugins. Inline styles are allowed because Radix positions popovers with style attributes.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
  "object-src 'none'",
].join('; ');
