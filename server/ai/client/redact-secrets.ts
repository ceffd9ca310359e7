/**
 * Removes API keys from text that may be shown or logged. Provider error bodies sometimes echo
 * the key (or a prefix of it) back; a message is redacted before it leaves the client.
 */
const KEY_LIKE = /\b(sk|pk|ak)-[A-Za-z0-9_-]{8,}/g;
/** user:password@ in a URL (a base URL may carry credentials, and fetch errors quote the URL) */
const URL_USERINFO = /([a-z][a-z0-9+.-]*:\/\/)[^\s/@]+@/gi;

export function redactSecrets(text: string, secrets: ReadonlyArray<string | null | undefined>): string {
  let out = text;
  for (const secret of secrets) {
    if (secret && secret.length >= 4) out = out.split(secret).join('***');
  }
  return out.replace(KEY_LIKE, (m) => `${m.slice(0, 3)}***`).replace(URL_USERINFO, '$1***@');
}
