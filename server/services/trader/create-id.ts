import { randomBytes } from 'node:crypto';

/** A row id known before the insert (encrypted secrets are bound to it). Same alphabet and length class as cuid. */
export function createId(): string {
  return 'c' + randomBytes(15).toString('base64url').replace(/[-_]/g, 'x').toLowerCase().slice(0, 24);
}
