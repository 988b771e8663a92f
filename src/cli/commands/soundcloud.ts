import type { Command } from 'commander';
import { systemClock } from '../../core/clock.ts';
import { findShelfsyncError } from '../../core/errors.ts';
import { login } from '../../sync/playlists/login.ts';
import { secretBoxFor, TokenVault } from '../../sync/playlists/token-vault.ts';
import { signOut } from '../../upstream/soundcloud/api.ts';
import { createSoundcloudApiClient } from '../../upstream/soundcloud/client.ts';
import { printJson, printLine } from '../output.ts';
import { integerOption } from '../parse-options.ts';
import { withRuntime } from '../runtime.ts';

interface LoginFlags {
  printUrl?: boolean;
  port?: number;
  paste?: boolean;
}

export function registerSoundcloudCommand(program: Command): void {
  const soundcloud = program
    .command('soundcloud')
    .description('sign in to SoundCloud (for playlists), sign out, or show the sign-in');

  soundcloud
    .command('login')
    .description(
      'sign in with OAuth 2.1 + PKCE: open the printed address, allow shelfsync, and the browser is sent back to a loopback port on this machine',
    )
    .option('--print-url', 'print only the authorize address as the first line of stdout, then wait')
    .option(
      '--port <n>',
      'loopback port for the redirect (default: playlists.soundcloud.redirect_port, 0 = any free port)',
      integerOption('--port', 0, 65535),
    )
    .option('--paste', 'no loopback listener: paste the code (or the address the browser ended on) instead')
    .action(async (flags: LoginFlags, command: Command) => {
      await withRuntime(command, async (runtime) => {
        const database = await runtime.database();
        const signIn = await login({
          config: runtime.config,
          database,
          clock: systemClock,
          ...(flags.port === undefined ? {} : { port: flags.port }),
          showUrl: (url) => {
            if (flags.printUrl) printLine(url);
            else {
              process.stderr.write('Open this address in a browser and allow shelfsync:\n');
              printLine(url);
            }
          },
          ...(flags.paste
            ? {
                askForCode: async () => {
                  const { input } = await import('@inquirer/prompts');
                  return input({ message: 'Code (or the whole address the browser ended on):' });
                },
              }
            : {}),
        });
        printLine(`Signed in to SoundCloud as ${signIn.username ?? 'unknown user'}.`);
      });
    });

  soundcloud
    .command('status')
    .description('whether shelfsync is signed in to SoundCloud, as whom, and until when')
    .option('--json', 'print one JSON object')
    .action(async (flags: { json?: boolean }, command: Command) => {
      await withRuntime(command, async (runtime) => {
        const vault = new TokenVault(await runtime.database(), secretBoxFor(runtime.config));
        const signIn = await vault.load();
        const status = signIn
          ? {
              signedIn: true,
              username: signIn.username,
              userUrn: signIn.userUrn,
              accessTokenExpiresAt: new Date(signIn.expiresAt).toISOString(),
              renewable: signIn.refreshToken !== null,
            }
          : { signedIn: false };
        if (flags.json) printJson(status);
        else if (!signIn) printLine('Not signed in to SoundCloud. Run `shelfsync soundcloud login`.');
        else
          printLine(
            `Signed in to SoundCloud as ${signIn.username ?? 'unknown user'}; the access token ${signIn.expiresAt > Date.now() ? 'expires' : 'expired'} ${new Date(signIn.expiresAt).toISOString()}${signIn.refreshToken ? ' and is renewed automatically' : ''}.`,
          );
      });
    });

  soundcloud
    .command('logout')
    .description('end the SoundCloud session and delete the stored tokens')
    .action(async (_flags: unknown, command: Command) => {
      await withRuntime(command, async (runtime) => {
        const vault = new TokenVault(await runtime.database(), secretBoxFor(runtime.config));
        const signIn = await vault.load().catch(() => undefined);
        const soundcloud = runtime.config.playlists?.soundcloud;
        let note = '';
        if (signIn && soundcloud) {
          const api = createSoundcloudApiClient(soundcloud.url, () => ({
            authorization: `OAuth ${signIn.accessToken}`,
          }));
          try {
            await signOut(api);
          } catch (error) {
            // The local tokens go anyway; an expired session needs no sign-out.
            note = ` (SoundCloud did not confirm the sign-out: ${findShelfsyncError(error)?.message ?? 'unknown error'})`;
          } finally {
            await api.close();
          }
        }
        const removed = await vault.clear();
        printLine(
          removed
            ? `Signed out of SoundCloud; the stored tokens are deleted${note}.`
            : 'Not signed in to SoundCloud.',
        );
      });
    });
}
