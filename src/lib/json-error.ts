/** A JSON syntax error in words, with the line and column when the engine reports a position. */
export function describeJsonError(error: unknown, text: string): string {
  if (text.trim() === '') return 'The file is empty.';
  const message = error instanceof Error ? error.message : String(error);
  const position = /position (\d+)/.exec(message);
  const reason = message.replace(/ in JSON at position \d+.*$/s, '').replace(/\s*\(line \d+ column \d+\)$/, '');
  if (!position) return `The file is not valid JSON: ${reason}.`;
  const offset = Number(position[1]);
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  const column = offset - before.lastIndexOf('\n');
  return `The file is not valid JSON: ${reason} at line ${line}, column ${column}.`;
}
