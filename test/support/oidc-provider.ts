import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, SignJWT, type JWTPayload } from 'jose';

/**
 * A small OpenID Connect provider for tests (a university's identity provider as far as the console sees one):
 * discovery, JWKS, an authorization endpoint that signs in whoever the test says is at the browser, and a token
 * endpoint that checks the code, client, redirect URI and PKCE S256 verifier before it signs an ID token.
 */
export interface TestOidcProvider {
  issuer: string;
  clientId: string;
  /** Who is at the provider's login when the next authorization arrives, and what the ID token claims. */
  signIn(person: { email: string; emailVerified?: boolean; claims?: JWTPayload; signWithStrangerKey?: boolean }): void;
  /** Every authorization request's query, in order. */
  readonly authorizations: URLSearchParams[];
  /** Token requests refused (a wrong verifier, a reused code, …), with why. */
  readonly refusals: string[];
  close(): Promise<void>;
}

const b64url = (bytes: ArrayBuffer): string =>
  Buffer.from(bytes).toString('base64').replaceAll('+', '-').replaceAll('/', '_').replaceAll('=', '');

export async function startOidcProvider(clientId = 'bole-console'): Promise<TestOidcProvider> {
  const { privateKey, publicKey } = await generateKeyPair('RS256');
  const stranger = await generateKeyPair('RS256');
  const jwk = { ...(await exportJWK(publicKey)), kid: 'k1', alg: 'RS256', use: 'sig' };
  let person: Parameters<TestOidcProvider['signIn']>[0] = { email: 'nobody@example.edu.cn' };
  const codes = new Map<string, { query: URLSearchParams; person: typeof person }>();
  const authorizations: URLSearchParams[] = [];
  const refusals: string[] = [];
  let issuer = '';

  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', issuer);
    const json = (status: number, body: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
    };
    if (url.pathname === '/.well-known/openid-configuration')
      return json(200, {
        issuer,
        authorization_endpoint: `${issuer}/authorize`,
        token_endpoint: `${issuer}/token`,
        jwks_uri: `${issuer}/jwks`,
        response_types_supported: ['code'],
        code_challenge_methods_supported: ['S256'],
      });
    if (url.pathname === '/jwks') return json(200, { keys: [jwk] });
    if (url.pathname === '/authorize') {
      authorizations.push(url.searchParams);
      const code = crypto.randomUUID();
      codes.set(code, { query: url.searchParams, person });
      const back = new URL(url.searchParams.get('redirect_uri') ?? '');
      back.searchParams.set('code', code);
      back.searchParams.set('state', url.searchParams.get('state') ?? '');
      res.writeHead(302, { location: back.href });
      return res.end();
    }
    if (url.pathname === '/token' && req.method === 'POST') {
      let raw = '';
      req.on('data', (d: Buffer) => (raw += d.toString()));
      req.on('end', () => {
        void (async () => {
          const form = new URLSearchParams(raw);
          const grant = codes.get(form.get('code') ?? '');
          codes.delete(form.get('code') ?? '');
          const challenge = b64url(
            await crypto.subtle.digest('SHA-256', new TextEncoder().encode(form.get('code_verifier') ?? '')),
          );
          const why = !grant
            ? 'unknown or reused code'
            : form.get('client_id') !== clientId
              ? 'wrong client'
              : form.get('redirect_uri') !== grant.query.get('redirect_uri')
                ? 'wrong redirect_uri'
                : grant.query.get('code_challenge_method') !== 'S256' || challenge !== grant.query.get('code_challenge')
                  ? 'PKCE verifier does not match'
                  : undefined;
          if (why || !grant) {
            refusals.push(why ?? 'no grant');
            return json(400, { error: 'invalid_grant', error_description: why });
          }
          const who = grant.person;
          const idToken = await new SignJWT({
            email: who.email,
            email_verified: who.emailVerified ?? true,
            nonce: grant.query.get('nonce') ?? undefined,
            ...who.claims,
          })
            .setProtectedHeader({ alg: 'RS256', kid: 'k1' })
            .setIssuer(issuer)
            .setAudience(clientId)
            .setSubject(`sub-${who.email}`)
            .setIssuedAt()
            .setExpirationTime('5m')
            .sign(who.signWithStrangerKey ? stranger.privateKey : privateKey);
          json(200, { access_token: 'unused', token_type: 'Bearer', expires_in: 300, id_token: idToken });
        })();
      });
      return;
    }
    json(404, { error: 'not_found' });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    issuer,
    clientId,
    signIn: (p) => void (person = p),
    authorizations,
    refusals,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
