/** `/interview-admin` arguments. */
import type { PeopleList } from '../../common/people.js';
import { userIdOf } from './interview-args.js';

export type AdminArgs =
  | { kind: 'show' }
  | { kind: 'people'; list: PeopleList; change: 'add' | 'remove'; userIds: string[] }
  | { kind: 'channel'; channelId: string }
  | { kind: 'invalid'; problem: string };

const CHANNEL_MENTION = /^<#([CG][A-Z0-9]+)(?:\|[^>]*)?>$/;
const LISTS: Record<string, PeopleList> = {
  recruiters: 'recruiters',
  recruiter: 'recruiters',
  managers: 'managers',
  manager: 'managers',
};

function peopleArgs(list: PeopleList, verb: string | undefined, mentions: string[]): AdminArgs {
  if (verb !== 'add' && verb !== 'remove')
    return { kind: 'invalid', problem: `Say "add" or "remove" after "${list}".` };
  const userIds = mentions.map(userIdOf);
  if (userIds.length === 0 || userIds.some((id) => id === null))
    return { kind: 'invalid', problem: 'Name the people with @, picked from the list Slack shows.' };
  return { kind: 'people', list, change: verb, userIds: userIds.filter((id): id is string => id !== null) };
}

export function parseAdminArgs(text: string): AdminArgs {
  const [first, second, ...rest] = text.trim().split(/\s+/).filter(Boolean);
  if (!first || first === 'show' || first === 'help') return { kind: 'show' };
  const list = LISTS[first.toLowerCase()];
  if (list) return peopleArgs(list, second?.toLowerCase(), rest);
  if (first.toLowerCase() === 'channel') {
    const channelId = second ? CHANNEL_MENTION.exec(second)?.[1] : undefined;
    return channelId && rest.length === 0
      ? { kind: 'channel', channelId }
      : { kind: 'invalid', problem: 'Name the hiring channel with #, picked from the list Slack shows.' };
  }
  return { kind: 'invalid', problem: `I do not know "${first}".` };
}
