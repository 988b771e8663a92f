import { createHash, randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Clock } from '../../core/clock.ts';
import type { Config } from '../../core/config/index.ts';
import type { Database } from '../../core/db/database.ts';
import { ShelfsyncError } from '../../core/errors.ts';
import { fetchMe } from '../../upstream/soundcloud/api.ts';
import { createSoundcloudApiClient, createSoundcloudAuthClient } from '../../upstream/soundcloud/client.ts';
import { authorizeUrl, exchangeAuthorizationCode } from '../../upstream/soundcloud/token.ts';
import { signInFromToken } from './session.ts';
import { type SignIn, secretBoxFor, TokenVault } from './token-vault.ts';

export interface LoginInput {
  config: Config;
  database: Database;
  clock: Clock;
  /** Loopback port for the redirect; the config's `redirect_port` by default, 0 for any free port. */
  port?: number;
  /** Shown to the user (the CLI prints it; `--print-url` makes it the first line of stdout). */
  showUrl(url: string): void;
  /** Paste mode: asks the user for the code (or the whole address the browser ended on). */
  askForCode?: () => Promise<string>;
  /** How long to wait for the browser; 5 minutes by default. */
  timeoutMs?: number;
}

const CALLBACK_PATH = '/callback';

function soundcloudError(message: string, code: 'auth_failed' | 'timeout' | 'usage' = 'auth_failed') {
  return new ShelfsyncError(message, { code, service: 'soundcloud' });
}

/** RFC 7636: a 43-character verifier and its S256 challenge. */
export function pkcePair(): { verifier: string; challenge: string } {
  const verifier = randomBytes(32).toString('base64url');
  return { verifier, challenge: createHash('sha256').update(verifier, 'ascii').digest('base64url') };
}

/** The code out of what the user pasted: the code itself, or the address the browser was sent to. */
export function codeFromPaste(pasted: string, state: string): string {
  const text = pasted.trim();
  if (!/^https?:\/\//i.test(text)) return text;
  const params = new URL(text).searchParams;
  const error = params.get('error');
  if (error) throw soundcloudError(`SoundCloud refused the sign-in (${error})`);
  if (params.get('state') !== state)
    throw soundcloudError('the pasted address belongs to another sign-in attempt');
  const code = params.get('code');
  if (!code) throw soundcloudError('the pasted address has no code in it');
  return code;
}

const PAGE = (text: string) =>
  `<!doctype html><html><head><title>shelfsync</title></head><body><p>${text}</p></body></html>`;

/** Listens on 127.0.0.1 for the one redirect that carries our state. */
async function startCallbackServer(port: number, state: string) {
  let settle: { resolve(code: string): void; reject(error: Error): void } | undefined;
  const result = new Promise<string>((resolve, reject) => {
    settle = { resolve, reject };
  });
  const server: Server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    if (url.pathname !== CALLBACK_PATH || url.searchParams.get('state') !== state) {
      response.writeHead(404, { 'content-type': 'text/html' }).end(PAGE('Not found.'));
      return;
    }
    const code = url.searchParams.get('code');
    const error = url.searchParams.get('error');
    if (code) {
      response
        .writeHead(200, { 'content-type': 'text/html' })
        .end(PAGE('Signed in. You can close this tab.'));
      settle?.resolve(code);
    } else {
      response.writeHead(400, { 'content-type': 'text/html' }).end(PAGE('Sign-in was not allowed.'));
      settle?.reject(soundcloudError(`SoundCloud refused the sign-in (${error ?? 'no code'})`));
    }
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', (error) =>
      reject(
        soundcloudError(
          `cannot listen on 127.0.0.1:${port} for the sign-in redirect (${(error as NodeJS.ErrnoException).code ?? error.message}); pick another port with --port or playlists.soundcloud.redirect_port`,
          'usage',
        ),
      ),
    );
    server.listen(port, '127.0.0.1', () => resolve());
  });
  const actual = (server.address() as AddressInfo).port;
  return {
    redirectUri: `http://127.0.0.1:${actual}${CALLBACK_PATH}`,
    code: result,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(soundcloudError('no answer from the browser in time; run the login again', 'timeout')),
      ms,
    );
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** `soundcloud login`: OAuth 2.1 authorization code with PKCE, tokens sealed into the database. */
export async function login(input: LoginInput): Promise<SignIn> {
  const soundcloud = input.config.playlists?.soundcloud;
  if (!soundcloud) {
    throw new ShelfsyncError('the config has no playlists.soundcloud section (client_id, client_secret)', {
      code: 'config_missing',
      service: 'shelfsync',
    });
  }
  // Before any network: without a key the tokens could not be kept.
  const vault = new TokenVault(input.database, secretBoxFor(input.config));
  const app = { clientId: soundcloud.client_id, clientSecret: soundcloud.client_secret };
  const port = input.port ?? soundcloud.redirect_port;
  const { verifier, challenge } = pkcePair();
  const state = randomBytes(16).toString('base64url');

  let code: string;
  let redirectUri: string;
  if (input.askForCode) {
    redirectUri = `http://127.0.0.1:${port}${CALLBACK_PATH}`;
    input.showUrl(
      authorizeUrl(soundcloud.auth_url, { clientId: app.clientId, redirectUri, challenge, state }),
    );
    code = codeFromPaste(await input.askForCode(), state);
  } else {
    const callback = await startCallbackServer(port, state);
    redirectUri = callback.redirectUri;
    try {
      input.showUrl(
        authorizeUrl(soundcloud.auth_url, { clientId: app.clientId, redirectUri, challenge, state }),
      );
      code = await withTimeout(callback.code, input.timeoutMs ?? 5 * 60_000);
    } finally {
      await callback.close();
    }
  }

  const auth = createSoundcloudAuthClient(soundcloud.auth_url, input.clock);
  let signIn: SignIn;
  try {
    const token = await exchangeAuthorizationCode(auth, app, { code, redirectUri, verifier });
    signIn = signInFromToken(token, input.clock.now());
  } finally {
    await auth.close();
  }
  const api = createSoundcloudApiClient(soundcloud.url, () => ({
    authorization: `OAuth ${signIn.accessToken}`,
  }));
  try {
    const me = await fetchMe(api);
    signIn = { ...signIn, userUrn: me.urn, username: me.username };
  } finally {
    await api.close();
  }
  await vault.save(signIn);
  return signIn;
}
