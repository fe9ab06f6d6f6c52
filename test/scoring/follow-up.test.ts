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
      prompt: 'Could you also cover when to lift state and an example?',
      reason: 'missing_parts',
      missing: ['when to lift state', 'an example'],
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
    expect(decision?.prompt).toBe('Could you tell me more about the result in that story?');
  });

  it('treats an empty or emoji-only answer as short', () => {
    for (const answer of ['', '🤷']) {
      const decision = decideFollowUp(bankQuestion('do-k8s-probes-01'), answer);
      expect(decision?.reason).toBe('short');
      expect(decision?.missing).toHaveLength(4);
    }
  });
});
