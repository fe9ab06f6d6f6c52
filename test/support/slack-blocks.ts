/**
 * Slack's Block Kit limits, written down independently of src/platforms/slack/limits.ts so a mistake there is
 * caught here (api.slack.com/reference/block-kit). The fake Web API runs every payload it receives through this
 * and refuses what Slack would refuse.
 */
export type Surface = 'message' | 'modal' | 'home';

const MAX_BLOCKS: Record<Surface, number> = { message: 50, modal: 100, home: 100 };
const MESSAGE_TEXT_MAX = 40_000;

type Obj = Record<string, unknown>;

const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

function textProblems(
  where: string,
  value: unknown,
  max: number,
  kinds: string[] = ['plain_text', 'mrkdwn'],
): string[] {
  if (!isObj(value)) return [`${where}: missing text object`];
  const problems: string[] = [];
  if (!kinds.includes(String(value.type))) problems.push(`${where}: text type ${String(value.type)} not allowed`);
  const text = typeof value.text === 'string' ? value.text : '';
  if (text.length === 0) problems.push(`${where}: empty text`);
  if (text.length > max) problems.push(`${where}: ${text.length} characters, over ${max}`);
  return problems;
}

function confirmProblems(where: string, confirm: unknown): string[] {
  if (confirm === undefined) return [];
  if (!isObj(confirm)) return [`${where}.confirm: not an object`];
  return [
    ...textProblems(`${where}.confirm.title`, confirm.title, 100, ['plain_text']),
    ...textProblems(`${where}.confirm.text`, confirm.text, 300),
    ...textProblems(`${where}.confirm.confirm`, confirm.confirm, 30, ['plain_text']),
    ...textProblems(`${where}.confirm.deny`, confirm.deny, 30, ['plain_text']),
  ];
}

function elementProblems(where: string, element: unknown): string[] {
  if (!isObj(element)) return [`${where}: not an object`];
  if (element.type !== 'button') return [];
  const problems = [
    ...textProblems(`${where}.text`, element.text, 75, ['plain_text']),
    ...confirmProblems(where, element.confirm),
  ];
  if (typeof element.action_id === 'string' && element.action_id.length > 255)
    problems.push(`${where}: action_id over 255`);
  if (typeof element.value === 'string' && element.value.length > 2000) problems.push(`${where}: value over 2000`);
  if (element.style !== undefined && element.style !== 'primary' && element.style !== 'danger')
    problems.push(`${where}: bad style`);
  return problems;
}

function sectionProblems(where: string, block: Obj): string[] {
  const fields = block.fields;
  if (block.text === undefined && fields === undefined) return [`${where}: a section needs text or fields`];
  const problems = block.text === undefined ? [] : textProblems(`${where}.text`, block.text, 3000);
  if (Array.isArray(fields)) {
    if (fields.length > 10) problems.push(`${where}: ${fields.length} fields, over 10`);
    fields.forEach((f, i) => problems.push(...textProblems(`${where}.fields[${i}]`, f, 2000)));
  }
  return problems;
}

function listProblems(
  where: string,
  elements: unknown,
  max: number,
  each: (w: string, e: unknown) => string[],
): string[] {
  if (!Array.isArray(elements) || elements.length === 0) return [`${where}: needs elements`];
  const problems = elements.length > max ? [`${where}: ${elements.length} elements, over ${max}`] : [];
  elements.forEach((e, i) => problems.push(...each(`${where}.elements[${i}]`, e)));
  return problems;
}

function blockProblems(where: string, block: unknown): string[] {
  if (!isObj(block)) return [`${where}: not an object`];
  const problems =
    typeof block.block_id === 'string' && block.block_id.length > 255 ? [`${where}: block_id over 255`] : [];
  switch (block.type) {
    case 'section':
      return [...problems, ...sectionProblems(where, block)];
    case 'header':
      return [...problems, ...textProblems(`${where}.text`, block.text, 150, ['plain_text'])];
    case 'context':
      return [
        ...problems,
        ...listProblems(where, block.elements, 10, (w, e) =>
          isObj(e) && e.type === 'image' ? [] : textProblems(w, e, 3000),
        ),
      ];
    case 'actions':
      return [...problems, ...listProblems(where, block.elements, 25, elementProblems)];
    case 'divider':
      return problems;
    default:
      return [...problems, `${where}: unknown block type ${String(block.type)}`];
  }
}

/** Every way a message (or a view) breaks Slack's limits; empty when Slack would take it. */
export function slackPayloadProblems(
  payload: { text?: unknown; blocks?: unknown },
  surface: Surface = 'message',
): string[] {
  const problems: string[] = [];
  if (typeof payload.text === 'string' && payload.text.length > MESSAGE_TEXT_MAX)
    problems.push(`text: ${payload.text.length} characters, over ${MESSAGE_TEXT_MAX}`);
  if (payload.blocks === undefined) return problems;
  if (!Array.isArray(payload.blocks)) return [...problems, 'blocks: not an array'];
  if (payload.blocks.length > MAX_BLOCKS[surface])
    problems.push(`blocks: ${payload.blocks.length}, over ${MAX_BLOCKS[surface]}`);
  payload.blocks.forEach((block, i) => problems.push(...blockProblems(`blocks[${i}]`, block)));
  return problems;
}
