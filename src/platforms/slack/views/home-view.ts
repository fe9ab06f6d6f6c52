/** The App Home view. Slack allows 100 blocks in a Home tab; a page of screens packed into sections stays far below. */
import { packLines, SLACK_LIMITS } from '../limits.js';
import type { Block } from '../cards/report-card.js';
import type { ScreenSummary } from '../store/interviews.js';
import { screenLine } from './screens.js';

const ABOUT =
  'Screener runs first-round screening interviews in a DM with the candidate and posts a report card to the hiring channel. A person decides; Screener only recommends.';

function section(text: string): Block {
  return { type: 'section', text: { type: 'mrkdwn', text } };
}

/** `screens` is null for someone who may not recruit. */
export function homeView(screens: ScreenSummary[] | null): { type: 'home'; blocks: Block[] } {
  const blocks: Block[] = [{ type: 'header', text: { type: 'plain_text', text: 'Screener' } }, section(ABOUT)];
  if (screens === null) {
    blocks.push(
      section(
        'Recruiters start screens with `/interview @candidate <role>`. Ask a workspace admin if you should be one.',
      ),
    );
    return { type: 'home', blocks };
  }
  blocks.push(
    { type: 'divider' },
    section('*Your screens*, newest first. Start one with `/interview @candidate <role>`.'),
  );
  blocks.push(
    ...(screens.length
      ? packLines(screens.map(screenLine), SLACK_LIMITS.sectionText).map(section)
      : [section('No screens yet.')]),
  );
  return { type: 'home', blocks };
}
