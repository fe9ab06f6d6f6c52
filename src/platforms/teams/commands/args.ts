/**
 * What a recruiter or admin typed to the bot, after the bot's mention is removed and other mentions became
 * `@@<n>` tokens (see normalize.ts). Parsed without I/O so a typo is answered the same way whatever Teams does.
 */
import type { Mention } from '../normalize.js';
import type { PeopleList } from '../../common/people.js';
import { questionsOf } from '../../common/question-count.js';

export { MAX_QUESTIONS } from '../../common/question-count.js';

export type TeamsCommand =
  | { kind: 'help' }
  | { kind: 'status' }
  | { kind: 'start'; candidateId: string; roleSlug: string; questions: number | null }
  | { kind: 'admin_show' }
  | { kind: 'admin_people'; list: PeopleList; change: 'add' | 'remove'; userIds: string[] }
  | { kind: 'admin_channel' }
  | { kind: 'invalid'; problem: string; admin: boolean };

const MENTION = /^@@(\d+)$/;
const LISTS: Record<string, PeopleList> = {
  recruiters: 'recruiters',
  recruiter: 'recruiters',
  managers: 'managers',
  manager: 'managers',
};

function mentioned(token: string | undefined, mentions: Mention[]): string | null {
  const index = token ? MENTION.exec(token)?.[1] : undefined;
  return index === undefined ? null : (mentions[Number(index)]?.id ?? null);
}

function parseInterview(tokens: string[], mentions: Mention[]): TeamsCommand {
  const [who, role, ...rest] = tokens;
  if (!who) return { kind: 'invalid', problem: 'Say who to interview: @mention them.', admin: false };
  const candidateId = mentioned(who, mentions);
  if (!candidateId)
    return {
      kind: 'invalid',
      problem: `"${who}" is not a person. @mention the candidate so Teams sends who they are.`,
      admin: false,
    };
  if (!role) return { kind: 'invalid', problem: 'Say which role the screen is for.', admin: false };
  const options = questionsOf(rest);
  if ('problem' in options) return { kind: 'invalid', problem: options.problem, admin: false };
  return { kind: 'start', candidateId, roleSlug: role.toLowerCase(), questions: options.questions };
}

function parseAdmin(tokens: string[], mentions: Mention[]): TeamsCommand {
  const [first, verb, ...rest] = tokens;
  if (!first || first === 'show' || first === 'help') return { kind: 'admin_show' };
  if (first.toLowerCase() === 'channel')
    return rest.length === 0 && !verb
      ? { kind: 'admin_channel' }
      : {
          kind: 'invalid',
          problem: 'Say "admin channel" in the channel that should get the report cards.',
          admin: true,
        };
  const list = LISTS[first.toLowerCase()];
  if (!list) return { kind: 'invalid', problem: `I do not know "${first}".`, admin: true };
  const change = verb?.toLowerCase();
  if (change !== 'add' && change !== 'remove')
    return { kind: 'invalid', problem: `Say "add" or "remove" after "${first}".`, admin: true };
  const userIds = rest.map((token) => mentioned(token, mentions));
  if (userIds.length === 0 || userIds.some((id) => id === null))
    return { kind: 'invalid', problem: 'Name the people with @mentions.', admin: true };
  return { kind: 'admin_people', list, change, userIds: userIds.filter((id): id is string => id !== null) };
}

export function parseTeamsCommand(text: string, mentions: Mention[]): TeamsCommand {
  const [verb, ...tokens] = text.trim().split(/\s+/).filter(Boolean);
  switch (verb?.toLowerCase()) {
    case undefined:
    case 'help':
      return { kind: 'help' };
    case 'status':
      return tokens.length === 0
        ? { kind: 'status' }
        : { kind: 'invalid', problem: '"status" takes nothing after it.', admin: false };
    case 'interview':
      return tokens.length === 1 && tokens[0]?.toLowerCase() === 'status'
        ? { kind: 'status' }
        : parseInterview(tokens, mentions);
    case 'admin':
      return parseAdmin(tokens, mentions);
    default:
      return { kind: 'invalid', problem: `I do not know "${verb}".`, admin: false };
  }
}

export function interviewUsage(roleSlugs: string[]): string {
  return [
    '**Usage**',
    '- `@Screener interview @candidate <role> [questions=N]`: start a screening interview in a 1:1 chat with the candidate.',
    '- `@Screener status`: your screens that are still open.',
    `- **Roles**: ${roleSlugs.length ? roleSlugs.map((s) => `\`${s}\``).join(', ') : 'none yet'}`,
  ].join('\n');
}

export const ADMIN_USAGE = [
  '**Usage** (admins named in TEAMS_ADMIN_IDS)',
  '- `@Screener admin recruiters add|remove @person ...`: who may start screens.',
  '- `@Screener admin managers add|remove @person ...`: hiring managers, who may decide on report cards.',
  '- `@Screener admin channel`: typed in a channel, makes it the one report cards are posted to.',
  '- `@Screener admin show`: the current settings.',
].join('\n');
