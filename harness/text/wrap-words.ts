/**
 * Fills lines of at most `width` characters with `words`, joined by single spaces, in order; a
 * word longer than `width` gets a line of its own. No words give no lines.
 *
 * @example
 * wrapWords("the quick brown fox".split(" "), 9); // ["the quick", "brown fox"]
 */
export function wrapWords(words: readonly string[], width: number): string[] {
  const lines: string[] = [];
  let line = "";
  for (const word of words) {
    if (line === "") line = word;
    else if (line.length + 1 + word.length <= width) line += ` ${word}`;
    else {
      lines.push(line);
      line = word;
    }
  }
  if (line !== "") lines.push(line);
  return lines;
}
