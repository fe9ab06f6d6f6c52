import { describe, expect, it } from 'vitest';
import { normalizeText, parseCommand, parseConsent } from '../../src/engine/index.js';

describe('normalizeText', () => {
  it('turns Slack mentions, channels and links into words', () => {
    expect(normalizeText('Ask <@U123> in <#C9|eng> about <https://x.dev/a|the docs> or <https://y.dev>')).toBe(
      'Ask @user in #eng about the docs (https://x.dev/a) or https://y.dev',
    );
    expect(normalizeText('<mailto:a@b.dev|a@b.dev> &lt;T&gt; &amp; <!here>')).toBe('a@b.dev <T> & @here');
  });

  it('keeps code blocks readable: fences on their own lines, indentation intact', () => {
    const out = normalizeText('Like this: ```function f() {\n  return a &amp;&amp; b;\n}``` done');
    expect(out).toBe('Like this:\n```\nfunction f() {\n  return a && b;\n}\n```\n done');
  });

  it('trims and collapses runs of blank lines', () => {
    expect(normalizeText('\r\n  one  \r\n\r\n\r\n\r\ntwo \n')).toBe('one\n\ntwo');
  });
});

describe('parseCommand', () => {
  it('recognises a whole-message command word, any case, optional / or !', () => {
    expect(parseCommand('stop')).toBe('stop');
    expect(parseCommand('  /SKIP ')).toBe('skip');
    expect(parseCommand('!Pause')).toBe('pause');
  });

  it('leaves answers that contain a command word alone', () => {
    expect(parseCommand('I would stop the deploy')).toBeNull();
    expect(parseCommand('stop.')).toBeNull();
    expect(parseCommand('//stop')).toBeNull();
  });
});

describe('parseConsent', () => {
  it('needs a clear yes or no', () => {
    expect(parseConsent('Yes.')).toBe('yes');
    expect(parseConsent('I agree')).toBe('yes');
    expect(parseConsent('No thanks!')).toBe('no');
    expect(parseConsent('I don’t agree')).toBe('no');
    expect(parseConsent('yes but not now')).toBe('unclear');
  });
});
