import type { Config } from '../../core/config/index.ts';
import { createSecretBox, type SecretBox } from '../../core/crypto/secret-box.ts';
import type { Database } from '../../core/db/database.ts';
import { ShelfsyncError } from '../../core/errors.ts';

/** The SoundCloud sign-in as shelfsync holds it in memory; on disk both tokens are sealed. */
export interface SignIn {
  accessToken: string;
  refreshToken: string | null;
  /** Epoch ms. */
  expiresAt: number;
  /** Epoch ms when this access token was issued (its lifetime decides how early to refresh). */
  issuedAt: number;
  scope: string;
  userUrn: string | null;
  username: string | null;
}

const ACCOUNT = 'default';
const ACCESS_LABEL = 'soundcloud:access_token';
const REFRESH_LABEL = 'soundcloud:refresh_token';

/** The key that seals tokens; refusing to go on without one is the point (never store them in clear). */
export function secretBoxFor(config: Config): SecretBox {
  if (!config.secret_key) {
    throw new ShelfsyncError(
      'no secret key to encrypt the SoundCloud sign-in with: set secret_key (or secret_key_file) in the config, or SHELFSYNC_SECRET_KEY / SHELFSYNC_SECRET_KEY_FILE, e.g. to the output of `openssl rand -hex 32`',
      { code: 'config_missing', service: 'shelfsync' },
    );
  }
  return createSecretBox(config.secret_key);
}

/** Reads and writes the one stored sign-in; every write is one statement, so old and new never mix. */
export class TokenVault {
  private readonly database: Database;
  private readonly box: SecretBox;

  constructor(database: Database, box: SecretBox) {
    this.database = database;
    this.box = box;
  }

  async load(): Promise<SignIn | undefined> {
    const row = await this.database.db
      .selectFrom('soundcloud_auth')
      .selectAll()
      .where('account', '=', ACCOUNT)
      .executeTakeFirst();
    if (!row) return undefined;
    return {
      accessToken: this.box.open(row.access_sealed, ACCESS_LABEL),
      refreshToken: row.refresh_sealed === null ? null : this.box.open(row.refresh_sealed, REFRESH_LABEL),
      expiresAt: row.expires_at,
      issuedAt: row.updated_at,
      scope: row.scope,
      userUrn: row.user_urn,
      username: row.username,
    };
  }

  /** Replaces the stored sign-in in one transaction: the new refresh token is on disk before the old is gone. */
  async save(signIn: SignIn): Promise<void> {
    const row = {
      account: ACCOUNT,
      access_sealed: this.box.seal(signIn.accessToken, ACCESS_LABEL),
      refresh_sealed: signIn.refreshToken === null ? null : this.box.seal(signIn.refreshToken, REFRESH_LABEL),
      expires_at: signIn.expiresAt,
      scope: signIn.scope,
      user_urn: signIn.userUrn,
      username: signIn.username,
      updated_at: signIn.issuedAt,
    };
    await this.database.transaction((trx) =>
      trx
        .insertInto('soundcloud_auth')
        .values(row)
        .onConflict((conflict) =>
          conflict.column('account').doUpdateSet({
            access_sealed: row.access_sealed,
            refresh_sealed: row.refresh_sealed,
            expires_at: row.expires_at,
            scope: row.scope,
            user_urn: row.user_urn,
            username: row.username,
            updated_at: row.updated_at,
          }),
        )
        .execute(),
    );
  }

  async clear(): Promise<boolean> {
    const result = await this.database.db
      .deleteFrom('soundcloud_auth')
      .where('account', '=', ACCOUNT)
      .executeTakeFirst();
    return Number(result.numDeletedRows) > 0;
  }
}
