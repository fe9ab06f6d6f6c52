/** The help texts of the slash commands. */

export function interviewUsage(roleSlugs: string[]): string {
  return [
    '*Usage*',
    '`/interview @candidate <role> [questions=N]`: start a screening interview in a DM with the candidate.',
    '`/interview status`: your screens that are still open.',
    `*Roles*: ${roleSlugs.length ? roleSlugs.map((s) => `\`${s}\``).join(', ') : 'none yet'}`,
  ].join('\n');
}

export const ADMIN_USAGE = [
  '*Usage* (workspace admins)',
  '`/interview-admin recruiters add|remove @person ...`: who may start screens.',
  '`/interview-admin managers add|remove @person ...`: hiring managers, who may decide on report cards.',
  '`/interview-admin channel #hiring`: where report cards are posted (invite me there too).',
  '`/interview-admin show`: the current settings.',
].join('\n');
