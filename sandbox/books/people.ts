import type { Random } from '../core/random.ts';
import type { AbsLibraries } from './abs-items.ts';
import { DAY_MS } from './dates.ts';
import type { AbsUser, BookPerson, HcUser } from './world.ts';

/**
 * The accounts: ABS root, the two people shelfsync syncs (alice, bob), carol (a user limited to the
 * Audiobooks library, without explicit content) and eve (deactivated). Hardcover has alice, bob and
 * carol; only alice and bob are linked as people.
 */
export interface GeneratedPeople {
  absUsers: AbsUser[];
  hcUsers: HcUser[];
  people: BookPerson[];
  /** ABS user ids by username. */
  abs: { root: AbsUser; alice: AbsUser; bob: AbsUser; carol: AbsUser; eve: AbsUser };
  hc: { alice: HcUser; bob: HcUser; carol: HcUser };
}

export function generatePeople(random: Random, libraries: AbsLibraries): GeneratedPeople {
  const since = libraries.audiobooks.createdAt;
  const absUser = (
    username: string,
    type: AbsUser['type'],
    extra: Partial<AbsUser> = {},
    offsetDays = 0,
  ): AbsUser => ({
    id: random.uuid(),
    username,
    password: `${username}-${random.hex(10)}`,
    type,
    isActive: true,
    librariesAccessible: [],
    progress: [],
    createdAt: since - DAY_MS + offsetDays * DAY_MS + random.int(0, 86_399_999),
    ...extra,
  });
  const abs = {
    root: absUser('root', 'root'),
    alice: absUser('alice', 'user', { permissions: { accessExplicitContent: true } }, random.int(1, 30)),
    bob: absUser('bob', 'user', { permissions: { accessExplicitContent: true } }, random.int(31, 90)),
    carol: absUser(
      'carol',
      'user',
      { librariesAccessible: [libraries.audiobooks.id], permissions: { accessAllLibraries: false } },
      random.int(91, 200),
    ),
    eve: absUser('eve', 'user', { isActive: false }, random.int(201, 300)),
  };
  let hcId = random.int(20_000, 60_000);
  const hcUser = (username: string, name: string, timezone: string): HcUser => {
    hcId += random.int(1, 5000);
    return { id: hcId, username, name, token: `hc_pat_${random.hex(48)}`, timezone };
  };
  const hc = {
    alice: hcUser('alice', 'Alice Lindqvist', 'Europe/Berlin'),
    bob: hcUser('bob_reads', 'Bob Okonkwo', 'America/New_York'),
    carol: hcUser('carol', 'Carol Nakamura', 'Asia/Tokyo'),
  };
  return {
    absUsers: [abs.root, abs.alice, abs.bob, abs.carol, abs.eve],
    hcUsers: [hc.alice, hc.bob, hc.carol],
    people: [
      { id: 'alice', absUserId: abs.alice.id, hardcoverUserId: hc.alice.id },
      { id: 'bob', absUserId: abs.bob.id, hardcoverUserId: hc.bob.id },
    ],
    abs,
    hc,
  };
}
