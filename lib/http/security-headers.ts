/**
 * The security headers. Pages get a Content-Security-Policy with a fresh nonce per request
 * (proxy.ts; Next puts the nonce on its own scripts, which is why every page is rendered per
 * request). next.config.js gives every answer the static ones (nosniff, referrer, permissions,
 * X-Frame-Options) and API answers a policy that allows nothing. No server-only imports: the
 * proxy bundle uses this too.
 */
export interface PagePolicyOptions {
  nonce: string;
  /** `next dev`: React's debugging needs eval there (never in production). */
  development: boolean;
  /** The public URL is https: plain-http subresources are upgraded, and HSTS is sent. */
  https: boolean;
}

/**
 * Scripts: only those carrying this request's nonce, and what they load ('strict-dynamic').
 * Styles: our own files, and inline styles, because sonner and Radix add <style> elements and
 * style attributes at run time without a nonce; a style cannot run script. Nothing may frame a
 * page, forms post only to us, and the app talks to nothing but its own origin.
 */
export function pageContentSecurityPolicy({ nonce, development, https }: PagePolicyOptions): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${development ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    ...(https ? ["upgrade-insecure-requests"] : []),
  ].join("; ");
}

/** Two years, with subdomains: only sent when the public URL is https. */
export const STRICT_TRANSPORT_SECURITY = "max-age=63072000; includeSubDomains";

/** A nonce for one response: 128 random bits, base64. */
export function newNonce(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return btoa(String.fromCharCode(...bytes));
}
