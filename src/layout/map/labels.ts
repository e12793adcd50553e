/** Inset labels: their font size, and their lines wrapped to a width, from measured or estimated text widths. */

/** Estimated average glyph width, in em, used to wrap labels. */
export const CHAR_EM = 0.55;
/** Font size of the inset labels, px: 12 or more at every width. */
export const INSET_FONT_SIZE = 12;

/** Width in px of `text` at {@link INSET_FONT_SIZE}, estimated at {@link CHAR_EM} em per character. */
export function estimateTextWidth(text: string): number {
  return text.length * INSET_FONT_SIZE * CHAR_EM;
}

/** The words of `label` in lines no wider than `maxWidth` (a word longer than that alone on its line); `['']` when empty. */
export function wrap(label: string, maxWidth: number, width: (text: string) => number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of label.split(/\s+/).filter(Boolean)) {
    if (line && width(`${line} ${word}`) > maxWidth) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines.length ? lines : [''];
}
