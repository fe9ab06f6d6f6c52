/**
 * The Bot Framework's signing side, on 127.0.0.1: OpenID metadata and a JWKS with a test RSA key (endorsed for
 * msteams, as Microsoft's keys are), and tokens signed with it the way the channel signs inbound activities.
 * Another key pair that is not published lets a test forge a correctly shaped but wrongly signed token.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, SignJWT, type CryptoKey } from 'jose';

export const CHANNEL_ISSUER = 'https://api.botframework.com';

export interface TokenClaims {
  audience: string;
  serviceUrl: string;
  issuer?: string;
  /** Seconds from now; negative for an expired token. @defaultValue 3600 */
  expiresIn?: number;
  /** Sign with a key the metadata does not publish. */
  unpublishedKey?: boolean;
}

export interface SigningKeys {
  metadataUrl: string;
  /** Requests for the metadata and the keys, so a test can tell keys were fetched. */
  fetches: string[];
  sign(claims: TokenClaims): Promise<string>;
  close(): Promise<void>;
}

export async function startSigningKeys(): Promise<SigningKeys> {
  const published = await generateKeyPair('RS256', { extractable: true });
  const stranger = await generateKeyPair('RS256');
  const kid = 'screener-test-key';
  const jwk = { ...(await exportJWK(published.publicKey)), kid, use: 'sig', alg: 'RS256', endorsements: ['msteams'] };
  const fetches: string[] = [];
  let base = '';
  const server: Server = createServer((req, res) => {
    fetches.push(req.url ?? '');
    res.setHeader('content-type', 'application/json');
    if (req.url === '/openid')
      return res.end(
        JSON.stringify({
          issuer: CHANNEL_ISSUER,
          jwks_uri: `${base}/keys`,
          id_token_signing_alg_values_supported: ['RS256'],
        }),
      );
    if (req.url === '/keys') return res.end(JSON.stringify({ keys: [jwk] }));
    res.statusCode = 404;
    res.end('{}');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const sign = async (claims: TokenClaims) => {
    const key: CryptoKey = claims.unpublishedKey ? stranger.privateKey : published.privateKey;
    const now = Math.floor(Date.now() / 1000);
    const expiresIn = claims.expiresIn ?? 3600;
    return new SignJWT({ serviceurl: claims.serviceUrl })
      .setProtectedHeader({ alg: 'RS256', kid, typ: 'JWT' })
      .setIssuer(claims.issuer ?? CHANNEL_ISSUER)
      .setAudience(claims.audience)
      .setIssuedAt(Math.min(now, now + expiresIn - 600))
      .setNotBefore(Math.min(now, now + expiresIn - 600))
      .setExpirationTime(now + expiresIn)
      .sign(key);
  };
  return {
    metadataUrl: `${base}/openid`,
    fetches,
    sign,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
