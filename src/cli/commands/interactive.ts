import type { Command } from 'commander';
import pc from 'picocolors';
import type { ConfigCheck } from '../../core/config/index.ts';
import { usageError } from '../../core/errors.ts';
import type { Session } from '../interactive/actions.ts';
import { printError, printLine } from '../output.ts';

type Action = 'sync' | 'dry' | 'status' | 'connections' | 'unmatched' | 'login' | 'cache' | 'config' | 'quit';

// The menu's modules load only when the menu opens: @inquirer/prompts is not needed by other commands.
const loadPrompts = () => import('@inquirer/prompts');
const loadActions = () => import('../interactive/actions.ts');

async function chooseAction(ready: boolean): Promise<Action> {
  const { select } = await loadPrompts();
  const needsConfig = ready ? false : 'needs a valid config first';
  return select<Action>({
    message: 'What would you like to do?',
    pageSize: 12,
    choices: [
      { name: 'Sync now', value: 'sync', disabled: needsConfig },
      { name: 'Dry run: show what a sync would do, write nothing', value: 'dry', disabled: needsConfig },
      { name: 'Status: last runs, what needs attention, quota', value: 'status', disabled: needsConfig },
      { name: 'Test connections', value: 'connections', disabled: needsConfig },
      { name: 'Unmatched books', value: 'unmatched', disabled: needsConfig },
      { name: 'Log in to SoundCloud', value: 'login', disabled: needsConfig },
      { name: 'Cache stats', value: 'cache', disabled: needsConfig },
      { name: 'Edit the config (creates a starter config if there is none)', value: 'config' },
      { name: 'Quit', value: 'quit' },
    ],
  });
}

async function perform(action: Action, session: Session, check: ConfigCheck | undefined): Promise<void> {
  const { editConfig, showCaches, showStatus, showUnmatched, soundcloudLogin, syncNow, testConnections } =
    await loadActions();
  if (action === 'config') return editConfig(session);
  if (!check?.config) return;
  if (action === 'sync' || action === 'dry') return syncNow(session, check, action === 'dry');
  if (action === 'status') return showStatus(session, check);
  if (action === 'connections') return testConnections(check);
  if (action === 'cache') return showCaches(session, check);
  if (action === 'login') return soundcloudLogin(session, check);
  if (action === 'unmatched') return showUnmatched(session, check);
}

export function registerInteractiveCommand(program: Command): void {
  program
    .command('interactive')
    .description(
      'a menu to set up, test connections, sync (the same sync as `shelfsync sync`), and look around',
    )
    .action(async (_flags: unknown, command: Command) => {
      if (!process.stdin.isTTY)
        throw usageError('interactive needs a terminal; use the other commands in scripts');
      const { config: configPath } = command.optsWithGlobals<{ config?: string }>();
      const session: Session = { command, configPath };
      printLine(pc.bold('shelfsync interactive'));
      for (;;) {
        const check = await (await loadActions()).readConfig(session);
        if (!check) printLine('No config file yet: choose "Edit the config" to create one.');
        let action: Action;
        try {
          action = await chooseAction(check?.config !== undefined);
        } catch (error) {
          if (error instanceof Error && error.name === 'ExitPromptError') return; // Ctrl-C at the menu
          throw error;
        }
        if (action === 'quit') return;
        try {
          await perform(action, session, check);
        } catch (error) {
          printError(error);
        }
        printLine();
      }
    });
}
