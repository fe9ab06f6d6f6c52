import { describe, expect, it } from 'vitest';
import { decideFollowUp } from '../../src/scoring/index.js';
import { bankQuestion } from './helpers.js';
import { labelled } from './labelled-answers.js';

describe('decideFollowUp', () => {
  it('asks nothing after a complete answer', () => {
    expect(decideFollowUp(bankQuestion('fe-react-state-01'), labelled('fe-react-state-01').strong)).toBeNull();
    expect(decideFollowUp(bankQuestion('bh-disagreement-01'), labelled('bh-disagreement-01').strong)).toBeNull();
  });

  it('follows up a short answer and names what it misses', () => {
    const decision = decideFollowUp(bankQuestion('be-caching-01'), labelled('be-caching-01').weak);
    expect(decision?.reason).toBe('short');
    expect(decision?.missing).toContain('invalidation on writes');
    expect(decision?.prompt).toContain('invalidation on writes');
    expect(decision?.prompt).not.toContain('{missing}');
  });

  it('follows up a long answer that misses expected parts', () => {
    const answer =
      'Props are passed from the parent component and are read-only inside the child component. State is owned by ' +
      'the component and changes over time with useState, and changing it causes a re-render of the component.';
    const decision = decideFollowUp(bankQuestion('fe-react-state-01'), answer);
    expect(decision).toEqual({
      prompt:
        'You mentioned "Props are passed from the parent component". Could you also cover when to lift state and an example?',
      reason: 'missing_parts',
      missing: ['when to lift state', 'an example'],
      refersTo: 'Props are passed from the parent component',
    });
  });

  it('asks for the missing STAR part of a story in plain words', () => {
    const answer =
      'At my previous company I was responsible for a release where I disagreed with a teammate about the database schema. ' +
      'I asked him to explain his reasons, then I wrote a small benchmark and I proposed that we compare both designs ' +
      'with the real production data from the previous month before anyone changed the schema.';
    const decision = decideFollowUp(bankQuestion('bh-disagreement-01'), answer);
    expect(decision?.reason).toBe('missing_parts');
    expect(decision?.missing).toEqual(['result']);
    expect(decision?.prompt).toBe(
      'You mentioned "disagreed with a teammate". Could you tell me more about the result in that story?',
    );
  });

  it('treats an empty or emoji-only answer as short, and quotes nothing from it', () => {
    for (const answer of ['', '🤷']) {
      const decision = decideFollowUp(bankQuestion('do-k8s-probes-01'), answer);
      expect(decision?.reason).toBe('short');
      expect(decision?.missing).toHaveLength(4);
      expect(decision?.refersTo).toBeNull();
      expect(decision?.prompt).not.toContain('You mentioned');
    }
  });
});

const CLOSURE_ANSWER =
  'Priya showed me this once. I kept the timer id in a closure, so the debounced handler could clear it later.';

describe('a follow-up quotes the candidate', () => {
  const closures = bankQuestion('fe-js-closures-01');

  it('quotes 3 to 8 words copied verbatim from the answer, the ones nearest the topic', () => {
    const decision = decideFollowUp(closures, CLOSURE_ANSWER);
    const quote = decision?.refersTo ?? '';
    expect(CLOSURE_ANSWER).toContain(quote);
    expect(quote.split(' ').length).toBeGreaterThanOrEqual(3);
    expect(quote.split(' ').length).toBeLessThanOrEqual(8);
    expect(quote).toMatch(/closure|handler/); // words of the topic, not 'Priya showed me this once'
    expect(decision?.prompt.startsWith(`You mentioned "${quote}". `)).toBe(true);
  });

  it('never quotes a name or a gendered word', () => {
    const answer = 'Priya Sharma and her husband John wrote the counter function. She returned the inner function.';
    const decision = decideFollowUp(closures, answer);
    expect(decision?.refersTo).not.toBeNull();
    expect(decision?.refersTo).not.toMatch(/Priya|Sharma|John|\bher\b|husband|\bShe\b/);
    expect(answer).toContain(decision?.refersTo);
  });

  it('is the same for the same answer, question and interview so far', () => {
    expect(decideFollowUp(closures, CLOSURE_ANSWER, { asked: ['a'] })).toEqual(
      decideFollowUp(closures, CLOSURE_ANSWER, { asked: ['a'] }),
    );
  });

  it('never repeats a wording already asked: another template or phrase, or no follow-up at all', () => {
    const asked: string[] = [closures.text];
    const prompts: string[] = [];
    for (let i = 0; i < 60; i += 1) {
      const decision = decideFollowUp(closures, CLOSURE_ANSWER, { asked });
      if (!decision) break;
      expect(asked).not.toContain(decision.prompt);
      prompts.push(decision.prompt);
      asked.push(decision.prompt);
    }
    // The first two use different templates before any template is used again.
    expect(prompts.length).toBeGreaterThan(2);
    expect(prompts[1]?.replace(/^You mentioned "[^"]*". /, '')).not.toBe(
      prompts[0]?.replace(/^You mentioned "[^"]*". /, ''),
    );
    expect(decideFollowUp(closures, CLOSURE_ANSWER, { asked })).toBeNull();
  });

  it('with nothing to quote, a template asked before is not asked again', () => {
    const first = decideFollowUp(closures, '')!;
    const second = decideFollowUp(closures, '', { asked: [first.prompt] });
    expect(second?.prompt).not.toBe(first.prompt);
  });
});
