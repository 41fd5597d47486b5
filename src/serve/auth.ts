// Optional API key. Keys are compared as SHA-256 digests with crypto.timingSafeEqual: equal-length
// buffers whatever the caller sends, so the comparison time does not reveal how much of a guess matched.

import { createHash, timingSafeEqual } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';

function digest(s: string): Buffer {
  return createHash('sha256').update(s, 'utf8').digest();
}

export class ApiKeyCheck {
  private readonly expected: Buffer;
  constructor(key: string) {
    if (key.length === 0) throw new RangeError('an API key must not be empty');
    this.expected = digest(key);
  }

  /** The key a request presents: `Authorization: Bearer <key>` or `x-api-key: <key>`. */
  static presented(headers: IncomingHttpHeaders): string | null {
    const auth = headers.authorization;
    if (typeof auth === 'string') {
      const m = /^Bearer\s+(.+)$/i.exec(auth.trim());
      if (m) return m[1];
    }
    const x = headers['x-api-key'];
    if (typeof x === 'string') return x;
    return null;
  }

  matches(presented: string | null): boolean {
    // Hash even when nothing was sent, so a missing key costs the same as a wrong one.
    const got = digest(presented ?? '');
    return timingSafeEqual(got, this.expected) && presented !== null;
  }
}
