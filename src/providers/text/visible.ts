/**
 * What a reader (or a model) sees of a text: invisible characters dropped and compatibility forms folded (NFKC, so
 * "ｉｇｎｏｒｅ" reads as "ignore"). Each character of the projection remembers where it came from, so a match found
 * in the projection can be mapped back to the original text.
 */

/** Zero-width and formatting characters, bidi controls, and Unicode tag characters (used to smuggle hidden text). */
export const INVISIBLE = /[\u00AD\u180E\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF\u{E0000}-\u{E007F}]/u;

export interface VisibleText {
  text: string;
  /** For text[i]: the range [start, end) in the original text of the code point that produced it. */
  originStart: number[];
  originEnd: number[];
}

export function visibleProjection(original: string): VisibleText {
  let text = '';
  const originStart: number[] = [];
  const originEnd: number[] = [];
  let index = 0;
  for (const char of original) {
    if (!INVISIBLE.test(char)) {
      const folded = char.normalize('NFKC');
      text += folded;
      for (let i = 0; i < folded.length; i++) {
        originStart.push(index);
        originEnd.push(index + char.length);
      }
    }
    index += char.length;
  }
  return { text, originStart, originEnd };
}

/** Maps a non-empty range [start, end) of the projection back to the original text. */
export function toOriginalRange(visible: VisibleText, start: number, end: number): [number, number] {
  const from = visible.originStart[start];
  const to = visible.originEnd[end - 1];
  if (from === undefined || to === undefined) throw new RangeError(`range ${start}-${end} is outside the projection`);
  return [from, to];
}
