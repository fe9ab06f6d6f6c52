/**
 * Installation tokens at rest: AES-256-GCM with a random 96-bit nonce per write. The workspace id is bound in as
 * additional data, so a sealed value copied onto another workspace's row does not open there.
 */
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { AppError } from '../../../shared/errors.js';

const VERSION = 'v1';

export function seal(key: Buffer, plaintext: string, boundTo: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(Buffer.from(boundTo, 'utf8'));
  const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  return [VERSION, iv.toString('base64'), cipher.getAuthTag().toString('base64'), body.toString('base64')].join(':');
}

export function unseal(key: Buffer, sealed: string, boundTo: string): string {
  const [version, iv, tag, body] = sealed.split(':');
  if (version !== VERSION || !iv || !tag || body === undefined)
    throw new AppError('internal', 'sealed Slack installation has an unknown format');
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64'));
    decipher.setAAD(Buffer.from(boundTo, 'utf8'));
    decipher.setAuthTag(Buffer.from(tag, 'base64'));
    return Buffer.concat([decipher.update(Buffer.from(body, 'base64')), decipher.final()]).toString('utf8');
  } catch (error) {
    // A wrong key or a tampered row: say which, never what was inside.
    throw new AppError(
      'internal',
      'a Slack installation could not be decrypted (wrong SLACK_TOKEN_ENCRYPTION_KEY, or the row was altered)',
      { cause: error },
    );
  }
}
